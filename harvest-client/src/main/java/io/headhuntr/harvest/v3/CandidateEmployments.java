package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/**
 * Candidates' employments, read side ({@code GET /v3/candidate_employments}). Writes are on {@link
 * ActingCandidateEmployments}.
 */
public class CandidateEmployments extends ResourceReads<CandidateEmployment, CandidatePartQuery> {
  CandidateEmployments(V3Transport transport) {
    super(
        transport, "/v3/candidate_employments", CandidateEmployment.class, CandidateEmployment::id);
  }
}
