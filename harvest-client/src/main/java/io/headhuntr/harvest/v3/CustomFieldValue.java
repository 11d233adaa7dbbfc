package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A custom-field value to write: the field by {@code name_key} or by {@code custom_field_id}, and
 * its value (a JSON null value clears the field, so it is always sent).
 */
public record CustomFieldValue(
    String nameKey, Long customFieldId, @JsonInclude(JsonInclude.Include.ALWAYS) Object value) {
  public CustomFieldValue {
    if ((nameKey == null) == (customFieldId == null)) {
      throw new IllegalArgumentException(
          "a custom field value needs exactly one of name_key or custom_field_id");
    }
    Checks.optionalText("name_key", nameKey);
    Checks.optionalId("custom_field_id", customFieldId);
  }

  /** Sets the field with this immutable key, e.g. {@code byKey("salary_expectation", 90000)}. */
  public static CustomFieldValue byKey(String nameKey, Object value) {
    return new CustomFieldValue(nameKey, null, value);
  }

  /** Sets the field with this id. */
  public static CustomFieldValue byId(long customFieldId, Object value) {
    return new CustomFieldValue(null, customFieldId, value);
  }
}
