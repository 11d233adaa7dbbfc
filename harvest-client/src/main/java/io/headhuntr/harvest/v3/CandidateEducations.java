package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/**
 * Candidates' educations, read side ({@code GET /v3/candidate_educations}). Writes are on {@link
 * ActingCandidateEducations}.
 */
public class CandidateEducations extends ResourceReads<CandidateEducation, CandidatePartQuery> {
  CandidateEducations(V3Transport transport) {
    super(transport, "/v3/candidate_educations", CandidateEducation.class, CandidateEducation::id);
  }
}
