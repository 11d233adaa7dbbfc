package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Candidates, read side ({@code GET /v3/candidates}). Writes are on {@link ActingCandidates}. */
public class Candidates extends ResourceReads<Candidate, CandidateQuery> {
  Candidates(V3Transport transport) {
    super(transport, "/v3/candidates", Candidate.class, Candidate::id);
  }
}
