package io.headhuntr.sandbox.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rate limit over a rolling window: at most {@code limit} requests per key in any {@code window}
 * ending now (0 turns it off). Harvest v3 (150 per 30 s per client) and the token endpoint (60 per
 * 60 s per client) each use one.
 */
public final class RollingWindowLimiter {
  private final int limit;
  private final long windowMillis;
  private final Clock clock;
  private final Map<String, Deque<Long>> admitted = new ConcurrentHashMap<>();

  public RollingWindowLimiter(int limit, Duration window, Clock clock) {
    if (limit < 0 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rate limit must be >= 0 and the window positive");
    }
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.clock = clock;
  }

  public boolean enabled() {
    return limit > 0;
  }

  /**
   * Admits the request when a slot is free. The reset is now plus the window (as observed on
   * Harvest v3); a refusal's retry-after is the whole seconds until the oldest slot frees.
   */
  public RateLimiter.Decision acquire(String key) {
    long now = clock.millis();
    // Whole seconds, rounded down: 13:53:45.6Z answers 13:54:15Z (HARVEST-V3-SETTLED D2).
    long resetSeconds = (now + windowMillis) / 1000;
    if (limit == 0) {
      return new RateLimiter.Decision(true, 0, 0, resetSeconds, 0);
    }
    Deque<Long> times = admitted.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        long frees = times.peekFirst() + windowMillis;
        long retryAfter = Math.max(1, (frees - now + 999) / 1000);
        return new RateLimiter.Decision(false, limit, 0, resetSeconds, retryAfter);
      }
      times.addLast(now);
      return new RateLimiter.Decision(true, limit, limit - times.size(), resetSeconds, 0);
    }
  }

  /** Writes {@code X-Ratelimit-Limit/Remaining/Reset} (lower-case l, as Harvest v3 sends them). */
  public void writeHeaders(io.javalin.http.Context ctx, RateLimiter.Decision decision) {
    if (!enabled()) {
      return;
    }
    ctx.header("X-Ratelimit-Limit", Integer.toString(decision.limit()));
    ctx.header("X-Ratelimit-Remaining", Integer.toString(decision.remaining()));
    ctx.header("X-Ratelimit-Reset", Long.toString(decision.resetEpochSeconds()));
    if (!decision.allowed()) {
      ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }
  }
}
