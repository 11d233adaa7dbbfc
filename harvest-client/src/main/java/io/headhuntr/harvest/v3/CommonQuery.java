package io.headhuntr.harvest.v3;

import java.util.Map;

/**
 * Filters for the lists that take only the common ones: departments, offices, sources, jobs,
 * prospect pools and rejection reasons. Start with {@link #all()}.
 */
public final class CommonQuery extends ListQuery<CommonQuery> {
  private CommonQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static CommonQuery all() {
    return new CommonQuery(Map.of());
  }

  @Override
  CommonQuery with(Map<String, String> params) {
    return new CommonQuery(params);
  }
}
