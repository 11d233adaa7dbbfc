package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Map;

/**
 * Filters for the lists whose records belong to a candidate: educations and employments. Start with
 * {@link #all()}.
 */
public final class CandidatePartQuery extends ListQuery<CandidatePartQuery> {
  private CandidatePartQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static CandidatePartQuery all() {
    return new CandidatePartQuery(Map.of());
  }

  @Override
  CandidatePartQuery with(Map<String, String> params) {
    return new CandidatePartQuery(params);
  }

  /** Only the records of these candidates (at most 50). */
  public CandidatePartQuery candidateIds(Collection<Long> ids) {
    return setIds("candidate_ids", ids);
  }
}
