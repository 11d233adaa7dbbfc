package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;
import java.util.Objects;

/**
 * Candidates, read and write, as one {@link Actor}. Writes are sent once and never retried: after a
 * timeout, look the person up by e-mail ({@link CandidateQuery#email}) before creating again.
 */
public final class ActingCandidates extends Candidates {
  private final Actor actor;

  ActingCandidates(V3Transport transport, Actor actor) {
    super(transport);
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** {@code POST /v3/candidates}: the candidate and, if given, its one application. */
  public CreatedCandidate create(NewCandidate candidate) {
    return transport.write("POST", path, body(candidate), actor, CreatedCandidate.class);
  }

  /** {@code PATCH /v3/candidates/{id}}; returns the candidate as it now is. */
  public Candidate update(long id, CandidatePatch patch) {
    return transport.write(
        "PATCH", path + "/" + Checks.id("id", id), body(patch), actor, Candidate.class);
  }

  private static <B> B body(B body) {
    return Objects.requireNonNull(body, "body");
  }
}
