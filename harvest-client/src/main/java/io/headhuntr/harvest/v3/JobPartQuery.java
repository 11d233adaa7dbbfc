package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Map;

/**
 * Filters for the lists whose records belong to a job: job posts and job interview stages. Start
 * with {@link #all()}.
 */
public final class JobPartQuery extends ListQuery<JobPartQuery> {
  private JobPartQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static JobPartQuery all() {
    return new JobPartQuery(Map.of());
  }

  @Override
  JobPartQuery with(Map<String, String> params) {
    return new JobPartQuery(params);
  }

  /** Only the records of these jobs (at most 50). */
  public JobPartQuery jobIds(Collection<Long> ids) {
    return setIds("job_ids", ids);
  }
}
