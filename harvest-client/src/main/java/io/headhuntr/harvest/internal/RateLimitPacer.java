package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.RateLimitStatus;
import io.headhuntr.harvest.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Paces one credential's calls from Greenhouse's own numbers: {@code X-RateLimit-Limit} per
 * 10-second window and {@code X-RateLimit-Remaining}. When the budget is spent it holds calls until
 * the window is over; after a 429 it holds them until {@code Retry-After}. One pacer serves every
 * thread and every acting view of a client.
 *
 * <p>It also keeps the send times of its own last calls, so that no span of 10.5 seconds ever holds
 * more than {@code X-RateLimit-Limit} of them, whatever window Greenhouse counts in (the extra half
 * second covers calls that arrive later than they left).
 *
 * <p>Harvest v1 counts in 10-second windows. For Harvest v3 (and its token endpoint) the pacer is
 * built with {@link #learningWindow}: it starts from the documented window and lengthens it when
 * the answers show a longer one ({@code X-Ratelimit-Reset} minus now); it never shortens it.
 *
 * <p>Reads may be asked to leave {@code reserveForWrites} calls of each window to writes, so a long
 * sync does not starve pushes. Greenhouse does not say when a window started, so the pacer assumes
 * it started at the first answer it saw after a refill; that errs on the side of waiting a little
 * too long.
 */
public final class RateLimitPacer implements Interceptor {
  static final Duration WINDOW = Duration.ofSeconds(10);
  private static final long PROBE_WAIT_MILLIS = 200;

  private static final Duration LONGEST_LEARNED_WINDOW = Duration.ofMinutes(10);
  private static final Duration MAX_MARGIN = Duration.ofMillis(500);

  private Duration window;
  // A call holds its slot a little longer than the window (5 %, at most half a second): Greenhouse
  // counts arrivals, we count departures, and the gap between the two is latency, not a share of
  // the window.
  private Duration slotHeld;
  private final boolean learnsWindow;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int reserveForWrites;

  private Integer limit;
  private Integer remaining;
  private Instant windowEnd;
  private Instant blockedUntil;
  private final Deque<Instant> sent = new ArrayDeque<>();
  private boolean answered;
  private boolean probing;

  public RateLimitPacer(Clock clock, Sleeper sleeper, int reserveForWrites) {
    this(clock, sleeper, reserveForWrites, WINDOW);
  }

  /** With another window length: only for tests that run on real time. */
  RateLimitPacer(Clock clock, Sleeper sleeper, int reserveForWrites, Duration window) {
    this(clock, sleeper, reserveForWrites, window, false);
  }

  private RateLimitPacer(
      Clock clock, Sleeper sleeper, int reserveForWrites, Duration window, boolean learnsWindow) {
    if (reserveForWrites < 0) {
      throw new IllegalArgumentException("reserveForWrites must be >= 0, got " + reserveForWrites);
    }
    this.clock = clock;
    this.sleeper = sleeper;
    this.reserveForWrites = reserveForWrites;
    this.window = window;
    this.slotHeld = held(window);
    this.learnsWindow = learnsWindow;
  }

  /**
   * A pacer that starts from {@code documented} and then uses the window Greenhouse's answers show:
   * {@code X-Ratelimit-Reset} (epoch seconds) minus the time of the answer, rounded up to a second.
   */
  private static Duration held(Duration window) {
    Duration margin = window.dividedBy(20);
    return window.plus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
  }

  static RateLimitPacer learningWindow(
      Clock clock, Sleeper sleeper, int reserveForWrites, Duration documented) {
    return new RateLimitPacer(clock, sleeper, reserveForWrites, documented, true);
  }

  /** The window the pacer counts in now. */
  synchronized Duration window() {
    return window;
  }

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    HarvestRequest request = chain.request();
    awaitTurn(request.isWrite(), request.readReserve(), request.method(), request.path());
    try {
      HarvestResponse response = chain.proceed(request);
      observe(response);
      return response;
    } finally {
      endProbe();
    }
  }

  /** Blocks until a call of this kind fits in the budget, then takes one call from it. */
  void awaitTurn(boolean write, int readReserve) throws InterruptedIOException {
    awaitTurn(write, readReserve, "-", "-");
  }

  /**
   * As above; a wait longer than the thread's {@link io.headhuntr.harvest.WaitLimit} is not slept:
   * the call fails at once with the time to wait.
   */
  void awaitTurn(boolean write, int readReserve, String method, String path)
      throws InterruptedIOException {
    while (true) {
      try {
        Duration wait = takeOrWait(write, readReserve, clock.instant());
        if (wait == null) {
          continue;
        }
        if (wait.isZero()) {
          return;
        }
        if (io.headhuntr.harvest.WaitLimit.refuses(wait)) {
          throw new io.headhuntr.harvest.HarvestRateLimitedException(method, path, wait);
        }
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the Harvest rate limit");
      }
    }
  }

  /** Zero: go; positive: sleep that long; null: another call is probing the budget, look again. */
  private synchronized Duration takeOrWait(boolean write, int readReserve, Instant now)
      throws InterruptedException {
    if (!answered && blockedUntil == null) {
      // Nothing known yet: let one call find out the limit instead of letting every thread through.
      if (probing) {
        wait(PROBE_WAIT_MILLIS);
        return null;
      }
      probing = true;
      return take(now);
    }
    if (blockedUntil != null) {
      if (now.isBefore(blockedUntil)) {
        return Duration.between(now, blockedUntil);
      }
      blockedUntil = null;
      refill();
    }
    Instant horizon = now.minus(slotHeld);
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(horizon)) {
      sent.pollFirst();
      if (learnsWindow && remaining != null) {
        // v3 counts in a rolling window: each of our calls that left it gave its slot back.
        remaining = limit == null ? remaining + 1 : Math.min(limit, remaining + 1);
      }
    }
    if (limit != null && sent.size() >= limit - floor(write, readReserve)) {
      // Our own recent calls already fill the budget, whatever window Greenhouse counts in.
      return Duration.between(now, sent.peekFirst().plus(slotHeld));
    }
    if (windowEnd != null && !now.isBefore(windowEnd)) {
      refill();
    }
    if (remaining != null && remaining <= floor(write, readReserve)) {
      if (learnsWindow && !sent.isEmpty()) {
        // Rolling window: a slot comes back when our oldest call leaves it, maybe before the end.
        Instant freed = sent.peekFirst().plus(slotHeld);
        return Duration.between(
            now, windowEnd == null || freed.isBefore(windowEnd) ? freed : windowEnd);
      }
      if (windowEnd != null) {
        return Duration.between(now, windowEnd);
      }
      // Spent, but no window known (e.g. only Remaining was sent): wait one window from now.
      windowEnd = now.plus(window);
      return window;
    }
    if (remaining != null) {
      remaining--;
    }
    return take(now);
  }

  private Duration take(Instant now) {
    sent.addLast(now);
    return Duration.ZERO;
  }

  /** Calls of the window a call must leave: none for a write, the larger reserve for a read. */
  private int floor(boolean write, int readReserve) {
    if (write) {
      return 0;
    }
    int reserve = Math.max(reserveForWrites, readReserve);
    return limit == null ? reserve : Math.min(reserve, limit - 1);
  }

  private void refill() {
    remaining = limit;
    windowEnd = null;
  }

  private synchronized void endProbe() {
    if (probing) {
      probing = false;
      notifyAll();
    }
  }

  /**
   * Learns from an answer: the limit, what is left of the window, or (429) how long to hold every
   * call.
   */
  synchronized void observe(HarvestResponse response) {
    Instant now = clock.instant();
    answered = true;
    if (response.status() == 429) {
      Instant until = now.plus(RetryAfter.of(response, now));
      blockedUntil = blockedUntil == null || until.isAfter(blockedUntil) ? until : blockedUntil;
      remaining = 0;
      return;
    }
    if (learnsWindow) {
      learnWindow(response, now);
    }
    intHeader(response, "X-RateLimit-Limit").ifPresent(l -> limit = l > 0 ? l : limit);
    OptionalInt left = intHeader(response, "X-RateLimit-Remaining");
    if (left.isPresent()) {
      if (windowEnd == null) {
        // The first answer after a refill: the window it was counted in ends at most one window
        // from now.
        windowEnd = now.plus(window);
      }
      // Calls still in flight were already taken from the local count: keep the lower figure.
      remaining = remaining == null ? left.getAsInt() : Math.min(remaining, left.getAsInt());
    }
  }

  private void learnWindow(HarvestResponse response, Instant now) {
    Optional<String> reset = response.header("X-RateLimit-Reset");
    if (reset.isEmpty()) {
      return;
    }
    try {
      long millis = Long.parseLong(reset.get().trim()) * 1000 - now.toEpochMilli();
      // Reset is in whole seconds: a 30 s window read a moment later shows 29.x s.
      Duration learned = Duration.ofSeconds((millis + 999) / 1000);
      // Only ever longer: Reset has whole seconds and Greenhouse rounds it down, so an answer read
      // just after a second turns shows 29 s of a 30 s window; trusting it would send too early.
      if (learned.compareTo(window) > 0 && learned.compareTo(LONGEST_LEARNED_WINDOW) <= 0) {
        window = learned;
        slotHeld = held(learned);
      }
    } catch (NumberFormatException notEpochSeconds) {
      // keep the window we had
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
