package io.headhuntr.harvest;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How long the calling thread is willing to wait inside a Harvest call, for the rate limit or
 * before a retry. By default as long as it takes; a worker serving many tenants runs its calls in
 * {@link #atMost} so that a tenant whose budget is spent (or whose Greenhouse is failing) makes the
 * call fail at once with {@link HarvestRateLimitedException#retryAfter()} (or the failure itself),
 * and the worker reschedules that work instead of sleeping on it.
 */
public final class WaitLimit {
  private static final ThreadLocal<Duration> LIMIT = new ThreadLocal<>();

  private WaitLimit() {}

  /** Runs {@code work} on this thread waiting at most {@code limit} inside any Harvest call. */
  public static <T> T atMost(Duration limit, Supplier<T> work) {
    Duration previous = LIMIT.get();
    LIMIT.set(limit);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        LIMIT.remove();
      } else {
        LIMIT.set(previous);
      }
    }
  }

  /** The limit in force on this thread; empty: wait as long as needed. */
  public static Optional<Duration> current() {
    return Optional.ofNullable(LIMIT.get());
  }

  /** True when waiting {@code wait} is more than this thread accepts. */
  public static boolean refuses(Duration wait) {
    Duration limit = LIMIT.get();
    return limit != null && wait.compareTo(limit) > 0;
  }
}
