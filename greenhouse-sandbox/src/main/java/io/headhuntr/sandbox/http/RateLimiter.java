package io.headhuntr.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Harvest's rate limit: at most {@code limit} requests per key in each fixed window (10 s by
 * default); 0 turns it off. Also counts requests and 429s per key for {@code GET /sandbox/stats}.
 */
public final class RateLimiter {
  private final int limit;
  private final long windowMillis;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Map<String, Counters> stats = new ConcurrentHashMap<>();

  /** The outcome for one request: whether it may proceed and what the headers say. */
  public record Decision(
      boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

  private static final class Window {
    long start;
    int used;
  }

  private record Counters(AtomicLong requests, AtomicLong limited) {}

  public RateLimiter(int limit, Duration window, Clock clock) {
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

  public Decision acquire(String key) {
    counters(key).requests().incrementAndGet();
    if (limit == 0) {
      return new Decision(true, 0, 0, 0, 0);
    }
    long now = clock.millis();
    Window w = windows.computeIfAbsent(key, k -> new Window());
    synchronized (w) {
      if (now - w.start >= windowMillis) {
        w.start = now;
        w.used = 0;
      }
      long resetMillis = w.start + windowMillis;
      long resetSeconds = (resetMillis + 999) / 1000;
      if (w.used >= limit) {
        long retryAfter = Math.max(1, (resetMillis - now + 999) / 1000);
        return new Decision(false, limit, 0, resetSeconds, retryAfter);
      }
      w.used++;
      return new Decision(true, limit, limit - w.used, resetSeconds, 0);
    }
  }

  /** Counts a request of this key without limiting it (Harvest v3 limits per client itself). */
  public void countRequest(String key) {
    counters(key).requests().incrementAndGet();
  }

  /** Counts a 429 answered to this key (by the limiter or by an injected fault). */
  public void countLimited(String key) {
    counters(key).limited().incrementAndGet();
  }

  private Counters counters(String key) {
    return stats.computeIfAbsent(key, k -> new Counters(new AtomicLong(), new AtomicLong()));
  }

  /** Requests and 429s of one key so far. */
  public long requests(String key) {
    Counters c = stats.get(key);
    return c == null ? 0 : c.requests().get();
  }

  public long limited(String key) {
    Counters c = stats.get(key);
    return c == null ? 0 : c.limited().get();
  }

  /**
   * {@code GET /sandbox/stats}: {"rate_limit", "window_seconds", "keys": [{key (masked), requests,
   * rate_limited}]}.
   */
  public void stats(Context ctx) {
    ObjectNode node = Json.object();
    node.put("rate_limit", limit);
    node.put("window_seconds", windowMillis / 1000.0);
    var keys = node.putArray("keys");
    stats.forEach(
        (key, c) -> {
          ObjectNode k = keys.addObject();
          k.put("key", ApiKeys.mask(key));
          k.put("requests", c.requests().get());
          k.put("rate_limited", c.limited().get());
        });
    Respond.ok(ctx, node);
  }
}
