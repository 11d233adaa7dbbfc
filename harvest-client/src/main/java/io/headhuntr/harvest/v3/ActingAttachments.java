package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;
import java.util.Objects;

/**
 * Attachments, read and write, as one {@link Actor}. A new resume or cover letter demotes the
 * application's previous one to {@code other}.
 */
public final class ActingAttachments extends Attachments {
  private final Actor actor;

  ActingAttachments(V3Transport transport, Actor actor) {
    super(transport);
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** {@code POST /v3/attachments}; returns the new record. Sent once, never retried. */
  public Attachment create(NewAttachment attachment) {
    return transport.write(
        "POST", path, Objects.requireNonNull(attachment, "attachment"), actor, Attachment.class);
  }
}
