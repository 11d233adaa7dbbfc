package io.headhuntr.harvest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Collects the query parameters of a list filter, skipping unset ones, in a stable order. */
final class QueryParams {
  private final Map<String, String> params = new LinkedHashMap<>();

  QueryParams put(String name, Object value) {
    if (value instanceof Instant instant) {
      params.put(name, instant.toString());
    } else if (value instanceof List<?> list) {
      if (!list.isEmpty()) {
        params.put(name, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
      }
    } else if (value != null) {
      params.put(name, String.valueOf(value));
    }
    return this;
  }

  Map<String, String> toMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
