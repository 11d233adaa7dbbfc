package io.headhuntr.sandbox.v3;

import io.headhuntr.sandbox.http.Times;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A timestamp filter of a v3 list, {@code op|time[|op|time..]} with op one of gt, gte, lt, lte;
 * every bound must hold. {@link #NONE} accepts everything.
 */
record TimeFilter(List<Bound> bounds) {
  static final TimeFilter NONE = new TimeFilter(List.of());

  /** One comparison against an instant in epoch millis. */
  record Bound(String op, long at) {
    boolean test(long value) {
      return switch (op) {
        case "gt" -> value > at;
        case "gte" -> value >= at;
        case "lt" -> value < at;
        default -> value <= at;
      };
    }
  }

  TimeFilter {
    bounds = List.copyOf(bounds);
  }

  /** Parses the parameter {@code name}'s value; a malformed one is a 422 naming it. */
  static TimeFilter parse(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return NONE;
    }
    String[] parts = raw.trim().split("\\|", -1);
    if (parts.length % 2 != 0) {
      throw V3Failure.invalid(name, "must be op|timestamp pairs, op one of gt, gte, lt, lte");
    }
    List<Bound> bounds = new ArrayList<>();
    for (int i = 0; i < parts.length; i += 2) {
      String op = parts[i].trim();
      if (!List.of("gt", "gte", "lt", "lte").contains(op)) {
        throw V3Failure.invalid(name, "has an unknown operator '" + op + "'");
      }
      try {
        bounds.add(new Bound(op, Times.parse(parts[i + 1])));
      } catch (DateTimeParseException e) {
        throw V3Failure.invalid(name, "has a timestamp that is not ISO-8601: " + parts[i + 1]);
      }
    }
    return new TimeFilter(bounds);
  }

  boolean test(long value) {
    for (Bound b : bounds) {
      if (!b.test(value)) {
        return false;
      }
    }
    return true;
  }
}
