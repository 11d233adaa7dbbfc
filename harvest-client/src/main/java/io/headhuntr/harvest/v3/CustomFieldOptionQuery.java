package io.headhuntr.harvest.v3;

import java.util.Map;

/** Filters for {@code GET /v3/custom_field_options}. Start with {@link #all()}. */
public final class CustomFieldOptionQuery extends ListQuery<CustomFieldOptionQuery> {
  private CustomFieldOptionQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static CustomFieldOptionQuery all() {
    return new CustomFieldOptionQuery(Map.of());
  }

  @Override
  CustomFieldOptionQuery with(Map<String, String> params) {
    return new CustomFieldOptionQuery(params);
  }

  /** Only the options of this field, e.g. {@code school}, {@code degree} or {@code discipline}. */
  public CustomFieldOptionQuery customFieldKey(String key) {
    return set("custom_field_key", Checks.text("custom_field_key", key));
  }
}
