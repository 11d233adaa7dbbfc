package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Map;

/** Filters for {@code GET /v3/prospect_pool_stages}. Start with {@link #all()}. */
public final class ProspectPoolStageQuery extends ListQuery<ProspectPoolStageQuery> {
  private ProspectPoolStageQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static ProspectPoolStageQuery all() {
    return new ProspectPoolStageQuery(Map.of());
  }

  @Override
  ProspectPoolStageQuery with(Map<String, String> params) {
    return new ProspectPoolStageQuery(params);
  }

  /** Only the stages of these pools (at most 50). */
  public ProspectPoolStageQuery prospectPoolIds(Collection<Long> ids) {
    return setIds("prospect_pool_ids", ids);
  }
}
