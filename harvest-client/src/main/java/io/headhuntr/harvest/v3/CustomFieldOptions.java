package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/**
 * Options of choice fields, e.g. schools, degrees and disciplines ({@code GET
 * /v3/custom_field_options}).
 */
public final class CustomFieldOptions
    extends ResourceReads<CustomFieldOption, CustomFieldOptionQuery> {
  CustomFieldOptions(V3Transport transport) {
    super(transport, "/v3/custom_field_options", CustomFieldOption.class, CustomFieldOption::id);
  }
}
