package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;
import java.util.Objects;

/**
 * Candidates' employments, read and write, as one {@link Actor}. There is no update: delete and
 * create again.
 */
public final class ActingCandidateEmployments extends CandidateEmployments {
  private final Actor actor;

  ActingCandidateEmployments(V3Transport transport, Actor actor) {
    super(transport);
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** {@code POST /v3/candidate_employments}; returns the new record. Sent once, never retried. */
  public CandidateEmployment create(NewEmployment employment) {
    return transport.write(
        "POST",
        path,
        Objects.requireNonNull(employment, "employment"),
        actor,
        CandidateEmployment.class);
  }
}
