package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.RateLimitStatus;
import io.headhuntr.harvest.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Paces one credential's calls from Greenhouse's own numbers: {@code X-RateLimit-Limit} per
 * 10-second window and {@code X-RateLimit-Remaining}. When the budget is spent it holds calls until
 * the window is over; after a 429 it holds them until {@code Retry-After}. One pacer serves every
 * thread and every acting view of a client.
 *
 * <p>Reads may be asked to leave {@code reserveForWrites} calls of each window to writes, so a long
 * sync does not starve pushes. Greenhouse does not say when a window started, so the pacer assumes
 * it started at the first answer it saw after a refill; that errs on the side of waiting a little
 * too long.
 */
public final class RateLimitPacer implements Interceptor {
  static final Duration WINDOW = Duration.ofSeconds(10);

  private final Clock clock;
  private final Sleeper sleeper;
  private final int reserveForWrites;

  private Integer limit;
  private Integer remaining;
  private Instant windowEnd;
  private Instant blockedUntil;

  public RateLimitPacer(Clock clock, Sleeper sleeper, int reserveForWrites) {
    if (reserveForWrites < 0) {
      throw new IllegalArgumentException("reserveForWrites must be >= 0, got " + reserveForWrites);
    }
    this.clock = clock;
    this.sleeper = sleeper;
    this.reserveForWrites = reserveForWrites;
  }

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    HarvestRequest request = chain.request();
    awaitTurn(request.isWrite());
    HarvestResponse response = chain.proceed(request);
    observe(response);
    return response;
  }

  /** Blocks until a call of this kind fits in the budget, then takes one call from it. */
  void awaitTurn(boolean write) throws InterruptedIOException {
    while (true) {
      Duration wait = takeOrWait(write, clock.instant());
      if (wait.isZero()) {
        return;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the Harvest rate limit");
      }
    }
  }

  private synchronized Duration takeOrWait(boolean write, Instant now) {
    if (blockedUntil != null) {
      if (now.isBefore(blockedUntil)) {
        return Duration.between(now, blockedUntil);
      }
      blockedUntil = null;
      refill();
    }
    if (windowEnd != null && !now.isBefore(windowEnd)) {
      refill();
    }
    if (remaining != null && remaining <= floor(write)) {
      if (windowEnd != null) {
        return Duration.between(now, windowEnd);
      }
      // Spent, but no window known (e.g. only Remaining was sent): wait one window from now.
      windowEnd = now.plus(WINDOW);
      return WINDOW;
    }
    if (remaining != null) {
      remaining--;
    }
    return Duration.ZERO;
  }

  private int floor(boolean write) {
    if (write) {
      return 0;
    }
    return limit == null ? reserveForWrites : Math.min(reserveForWrites, limit - 1);
  }

  private void refill() {
    remaining = limit;
    windowEnd = null;
  }

  /**
   * Learns from an answer: the limit, what is left of the window, or (429) how long to hold every
   * call.
   */
  synchronized void observe(HarvestResponse response) {
    Instant now = clock.instant();
    if (response.status() == 429) {
      Instant until = now.plus(RetryAfter.of(response, now));
      blockedUntil = blockedUntil == null || until.isAfter(blockedUntil) ? until : blockedUntil;
      remaining = 0;
      return;
    }
    intHeader(response, "X-RateLimit-Limit").ifPresent(l -> limit = l);
    OptionalInt left = intHeader(response, "X-RateLimit-Remaining");
    if (left.isPresent()) {
      if (windowEnd == null || (limit != null && left.getAsInt() >= limit - 1)) {
        windowEnd = now.plus(WINDOW);
      }
      remaining = left.getAsInt();
    }
  }

  private static OptionalInt intHeader(HarvestResponse response, String name) {
    Optional<String> value = response.header(name);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.get().trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** A snapshot of the budget, for callers that schedule their own work. */
  public synchronized RateLimitStatus status() {
    return new RateLimitStatus(
        limit == null ? OptionalInt.empty() : OptionalInt.of(limit),
        remaining == null ? OptionalInt.empty() : OptionalInt.of(remaining),
        Optional.ofNullable(blockedUntil).filter(b -> b.isAfter(clock.instant())));
  }

  /** How long a 429 answer asks to wait, as this pacer reads it. */
  Duration retryAfter(HarvestResponse response) {
    return RetryAfter.of(response, clock.instant());
  }
}
