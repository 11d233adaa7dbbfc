package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;
import java.util.Objects;

/**
 * Notes, read and write, as one {@link Actor}. The note's author is its {@code user_id}, not the
 * actor.
 */
public final class ActingNotes extends Notes {
  private final Actor actor;

  ActingNotes(V3Transport transport, Actor actor) {
    super(transport);
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** {@code POST /v3/notes}; returns the new record. Sent once, never retried. */
  public Note create(NewNote note) {
    return transport.write("POST", path, Objects.requireNonNull(note, "note"), actor, Note.class);
  }
}
