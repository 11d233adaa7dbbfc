package io.headhuntr.harvest;

/**
 * A custom-field write: {@code id} or {@code name_key}, and a value, a currency unit, or {@code
 * delete_value}.
 */
public record CustomFieldValue(
    Long id, String nameKey, Object value, String unit, String deleteValue) {
  /** Sets the field with this id. */
  public static CustomFieldValue byId(long id, Object value) {
    return new CustomFieldValue(id, null, value, null, null);
  }

  /** Sets the field with this immutable key. */
  public static CustomFieldValue byKey(String nameKey, Object value) {
    return new CustomFieldValue(null, nameKey, value, null, null);
  }

  /** Clears the field with this id (Greenhouse rejects null or "" as a value). */
  public static CustomFieldValue clear(long id) {
    return new CustomFieldValue(id, null, null, null, "true");
  }
}
