package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Map;

/**
 * Filters for the lists whose records belong to an application: application stages and rejection
 * details. Start with {@link #all()}.
 */
public final class ApplicationPartQuery extends ListQuery<ApplicationPartQuery> {
  private ApplicationPartQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static ApplicationPartQuery all() {
    return new ApplicationPartQuery(Map.of());
  }

  @Override
  ApplicationPartQuery with(Map<String, String> params) {
    return new ApplicationPartQuery(params);
  }

  /** Only the records of these applications (at most 50). */
  public ApplicationPartQuery applicationIds(Collection<Long> ids) {
    return setIds("application_ids", ids);
  }
}
