package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Filters for {@code GET /v3/applications}. Start with {@link #all()}. */
public final class ApplicationQuery extends ListQuery<ApplicationQuery> {
  static final Set<String> STATUSES = Set.of("active", "rejected", "hired", "converted");

  private ApplicationQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static ApplicationQuery all() {
    return new ApplicationQuery(Map.of());
  }

  @Override
  ApplicationQuery with(Map<String, String> params) {
    return new ApplicationQuery(params);
  }

  /** Only the applications of these candidates (at most 50). */
  public ApplicationQuery candidateIds(Collection<Long> ids) {
    return setIds("candidate_ids", ids);
  }

  /** Only the applications on these jobs (at most 50). */
  public ApplicationQuery jobIds(Collection<Long> ids) {
    return setIds("job_ids", ids);
  }

  /**
   * Only applications in this state: {@code active}, {@code rejected}, {@code hired} or {@code
   * converted}. Records spell {@code active} as {@code in_process}.
   */
  public ApplicationQuery status(String status) {
    if ("in_process".equals(status)) {
      throw new IllegalArgumentException(
          "status filters on active (records call it in_process), got in_process");
    }
    return set("status", Checks.oneOf("status", Checks.text("status", status), STATUSES));
  }

  /** Only records with activity in this range (what incremental syncs of this resource use). */
  public ApplicationQuery lastActivityAt(TimeFilter range) {
    return set("last_activity_at", range.encode());
  }
}
