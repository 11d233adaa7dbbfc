package io.headhuntr.sandbox.http;

import io.javalin.http.Context;
import java.time.format.DateTimeParseException;

/**
 * The query of a Harvest list call: paging ({@code per_page} 1..500, default 100; out of range is a
 * 422), {@code page} (1-based), {@code skip_count}, and typed access to filters.
 */
public final class ListQuery {
  public static final int DEFAULT_PER_PAGE = 100;
  public static final int MAX_PER_PAGE = 500;

  private final Context ctx;
  private final int perPage;
  private final int page;
  private final boolean skipCount;

  public ListQuery(Context ctx) {
    this.ctx = ctx;
    this.perPage = intParam("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    this.page = intParam("page", 1, 1, Integer.MAX_VALUE);
    this.skipCount = "true".equalsIgnoreCase(ctx.queryParam("skip_count"));
  }

  private int intParam(String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw HarvestError.invalid(
        name,
        max == MAX_PER_PAGE
            ? "Must be an integer between 1 and 500"
            : "Must be an integer greater than 0");
  }

  public int perPage() {
    return perPage;
  }

  public int page() {
    return page;
  }

  public boolean skipCount() {
    return skipCount;
  }

  public Context ctx() {
    return ctx;
  }

  public String text(String name) {
    String raw = ctx.queryParam(name);
    return raw == null || raw.isBlank() ? null : raw.trim();
  }

  /** A numeric filter, 0 when absent; a non-number is a 422. */
  public long id(String name) {
    String raw = text(name);
    if (raw == null) {
      return 0;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw HarvestError.invalid(name, "Must be an integer");
    }
  }

  /**
   * A timestamp filter in epoch millis, or Long.MIN_VALUE when absent; an unreadable one is a 422.
   */
  public long time(String name) {
    String raw = text(name);
    if (raw == null) {
      return Long.MIN_VALUE;
    }
    try {
      return Times.parse(raw);
    } catch (DateTimeParseException e) {
      throw HarvestError.invalid(name, "Must be an ISO-8601 timestamp");
    }
  }

  /** The {@code <prefix>_after} (inclusive) and {@code <prefix>_before} (exclusive) filters. */
  public TimeRange range(String prefix) {
    return new TimeRange(time(prefix + "_after"), time(prefix + "_before"));
  }

  /** A time window of a list filter; an absent bound is Long.MIN_VALUE. */
  public record TimeRange(long after, long before) {
    public boolean contains(long value) {
      return (after == Long.MIN_VALUE || value >= after)
          && (before == Long.MIN_VALUE || value < before);
    }
  }

  /** A boolean filter: null when absent. */
  public Boolean bool(String name) {
    String raw = text(name);
    return raw == null ? null : Boolean.valueOf(raw.equalsIgnoreCase("true"));
  }
}
