package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;
import java.util.Objects;

/**
 * Candidates' educations, read and write, as one {@link Actor}. There is no update: delete and
 * create again.
 */
public final class ActingCandidateEducations extends CandidateEducations {
  private final Actor actor;

  ActingCandidateEducations(V3Transport transport, Actor actor) {
    super(transport);
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** {@code POST /v3/candidate_educations}; returns the new record. Sent once, never retried. */
  public CandidateEducation create(NewEducation education) {
    return transport.write(
        "POST",
        path,
        Objects.requireNonNull(education, "education"),
        actor,
        CandidateEducation.class);
  }
}
