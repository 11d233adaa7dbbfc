package io.headhuntr.harvest.v3;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Makes v3 records tolerate nulls: a null list is empty, null list items are dropped. */
final class Nulls {
  private Nulls() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  /** A null map is empty; null values are kept (a custom field without a value is a field). */
  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A copy of a request list, or null (omitted from the body) when none was given. */
  static <T> List<T> copyOrNull(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }
}
