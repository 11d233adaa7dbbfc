package io.headhuntr.harvest.v3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A time range for the {@code created_at}, {@code updated_at} and {@code last_activity_at} filters,
 * sent as {@code op|timestamp} pairs ({@code gte|2026-01-01T00:00:00Z|lte|2026-02-01T00:00:00Z}).
 * Start with a bound, e.g. {@code TimeFilter.gte(checkpoint)}, and add the other side with {@link
 * #lt} or {@link #lte}.
 */
public record TimeFilter(String lowerOp, Instant lower, String upperOp, Instant upper) {
  public TimeFilter {
    if ((lowerOp == null) != (lower == null) || (upperOp == null) != (upper == null)) {
      throw new IllegalArgumentException("each bound of a time filter needs its operator and time");
    }
    if (lower == null && upper == null) {
      throw new IllegalArgumentException("a time filter needs a lower or an upper bound");
    }
    if (lowerOp != null && !lowerOp.equals("gt") && !lowerOp.equals("gte")) {
      throw new IllegalArgumentException("a lower bound is gt or gte, got " + lowerOp);
    }
    if (upperOp != null && !upperOp.equals("lt") && !upperOp.equals("lte")) {
      throw new IllegalArgumentException("an upper bound is lt or lte, got " + upperOp);
    }
    if (lower != null && upper != null) {
      boolean inclusive = lowerOp.equals("gte") && upperOp.equals("lte");
      if (inclusive ? lower.isAfter(upper) : !lower.isBefore(upper)) {
        throw new IllegalArgumentException(
            "the time filter "
                + lowerOp
                + " "
                + lower
                + " and "
                + upperOp
                + " "
                + upper
                + " matches nothing");
      }
    }
  }

  /** At or after {@code t}. */
  public static TimeFilter gte(Instant t) {
    return new TimeFilter("gte", t, null, null);
  }

  /** Strictly after {@code t}. */
  public static TimeFilter gt(Instant t) {
    return new TimeFilter("gt", t, null, null);
  }

  /** At or before {@code t}. */
  public static TimeFilter lte(Instant t) {
    return new TimeFilter(null, null, "lte", t);
  }

  /** Strictly before {@code t}. */
  public static TimeFilter lt(Instant t) {
    return new TimeFilter(null, null, "lt", t);
  }

  /** This range, also at or before {@code t}. */
  public TimeFilter andLte(Instant t) {
    return withUpper("lte", t);
  }

  /** This range, also strictly before {@code t}. */
  public TimeFilter andLt(Instant t) {
    return withUpper("lt", t);
  }

  /** This range, also at or after {@code t}. */
  public TimeFilter andGte(Instant t) {
    return withLower("gte", t);
  }

  /** This range, also strictly after {@code t}. */
  public TimeFilter andGt(Instant t) {
    return withLower("gt", t);
  }

  private TimeFilter withUpper(String op, Instant t) {
    if (upper != null) {
      throw new IllegalArgumentException("the time filter already has an upper bound");
    }
    return new TimeFilter(lowerOp, lower, op, t);
  }

  private TimeFilter withLower(String op, Instant t) {
    if (lower != null) {
      throw new IllegalArgumentException("the time filter already has a lower bound");
    }
    return new TimeFilter(op, t, upperOp, upper);
  }

  /** The query value, e.g. {@code gte|2026-01-01T00:00:00Z|lte|2026-02-01T00:00:00Z}. */
  String encode() {
    List<String> parts = new ArrayList<>();
    if (lower != null) {
      parts.add(lowerOp);
      parts.add(lower.toString());
    }
    if (upper != null) {
      parts.add(upperOp);
      parts.add(upper.toString());
    }
    return String.join("|", parts);
  }
}
