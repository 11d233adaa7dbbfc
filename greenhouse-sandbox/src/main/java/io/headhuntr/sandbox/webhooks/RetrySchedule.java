package io.headhuntr.sandbox.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Greenhouse's documented delivery schedule (WEBHOOKS.md section 5): up to 7 attempts, the n-th
 * retry after 1, 15, 60, 120, 240 and 480 minutes (about 15 hours in all). The documented jitter is
 * left out so that tests can check the schedule; delays are divided by the hub's time scale.
 */
public record RetrySchedule(List<Duration> delays) {

  /** The documented schedule. */
  public static final RetrySchedule GREENHOUSE =
      new RetrySchedule(
          List.of(
              Duration.ofMinutes(1),
              Duration.ofMinutes(15),
              Duration.ofMinutes(60),
              Duration.ofMinutes(120),
              Duration.ofMinutes(240),
              Duration.ofMinutes(480)));

  public RetrySchedule {
    delays = List.copyOf(delays);
  }

  /** Attempts in all, the first included. */
  public int maxAttempts() {
    return delays.size() + 1;
  }

  /**
   * The nominal wait after failed attempt {@code attemptNumber} (1-based), or empty when it was the
   * last.
   */
  public Optional<Duration> delayAfter(int attemptNumber) {
    return attemptNumber >= 1 && attemptNumber <= delays.size()
        ? Optional.of(delays.get(attemptNumber - 1))
        : Optional.empty();
  }

  /** {@code nominal} divided by {@code timeScale}, never below zero. */
  public static Duration scaled(Duration nominal, double timeScale) {
    return Duration.ofNanos(Math.max(0L, (long) (nominal.toNanos() / timeScale)));
  }
}
