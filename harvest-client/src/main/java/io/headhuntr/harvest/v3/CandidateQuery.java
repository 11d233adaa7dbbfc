package io.headhuntr.harvest.v3;

import java.util.Map;

/** Filters for {@code GET /v3/candidates}. Start with {@link #all()}. */
public final class CandidateQuery extends ListQuery<CandidateQuery> {
  private CandidateQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static CandidateQuery all() {
    return new CandidateQuery(Map.of());
  }

  @Override
  CandidateQuery with(Map<String, String> params) {
    return new CandidateQuery(params);
  }

  /**
   * Candidates with this e-mail among any of their addresses (exact, case-insensitive): the lookup
   * to run before creating a person.
   */
  public CandidateQuery email(String email) {
    return set("email", Checks.text("email", email));
  }

  /** Only records with activity in this range (what incremental syncs of this resource use). */
  public CandidateQuery lastActivityAt(TimeFilter range) {
    return set("last_activity_at", range.encode());
  }
}
