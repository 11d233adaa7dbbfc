package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Set;

/** The construction-time rules of request values; each failure names the wire field it is about. */
final class Checks {
  /** Greenhouse's limit on every id list filter ({@code ids}, {@code candidate_ids}, ...). */
  static final int MAX_IDS = 50;

  private Checks() {}

  static long id(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be a positive id, got " + value);
    }
    return value;
  }

  static Long optionalId(String field, Long value) {
    if (value != null) {
      id(field, value);
    }
    return value;
  }

  static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static String optionalText(String field, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank when given");
    }
    return value;
  }

  static String oneOf(String field, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new IllegalArgumentException(
          field
              + " must be one of "
              + String.join(", ", allowed.stream().sorted().toList())
              + ", got "
              + value);
    }
    return value;
  }

  static <T> Collection<T> ids(String field, Collection<T> ids) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(
          field + " needs at least one id (an empty list would match everything)");
    }
    if (ids.size() > MAX_IDS) {
      throw new IllegalArgumentException(
          field + " takes at most " + MAX_IDS + " ids, got " + ids.size());
    }
    return ids;
  }
}
