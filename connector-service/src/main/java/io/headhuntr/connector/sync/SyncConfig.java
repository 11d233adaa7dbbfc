package io.headhuntr.connector.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sync runs: {@code interval} between incremental passes of a tenant (default 15 minutes),
 * {@code overlap} subtracted from the checkpoint (default 5 minutes: clock skew and writes
 * committed late on Greenhouse's side), {@code readReserve} calls of each rate window left to
 * pushes (default 2), {@code pageAttempts} per page when Greenhouse keeps failing (5xx, timeouts;
 * the client itself already retries each read within a worker's wait; default 5), each one {@code
 * retryDelay} doubling after the last (default 5 s: 5, 10, 20, 40 s) with the pass stopped at its
 * checkpoint in between, and {@code fullInterval} between full reconciliations (default 24 hours):
 * a pass that lists every job and candidate without {@code updated_after} and tombstones what
 * Greenhouse no longer has.
 */
public record SyncConfig(
    Duration interval,
    Duration overlap,
    int readReserve,
    int pageAttempts,
    Duration retryDelay,
    Duration fullInterval) {

  public SyncConfig {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(retryDelay, "retryDelay");
    Objects.requireNonNull(fullInterval, "fullInterval");
    if (fullInterval.isNegative() || fullInterval.isZero()) {
      throw new IllegalArgumentException("fullInterval must be positive");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("overlap must be >= 0");
    }
    if (readReserve < 0) {
      throw new IllegalArgumentException("readReserve must be >= 0");
    }
    if (pageAttempts < 1) {
      throw new IllegalArgumentException("pageAttempts must be >= 1");
    }
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retryDelay must be >= 0");
    }
  }

  public static SyncConfig defaults() {
    return new SyncConfig(
        Duration.ofMinutes(15),
        Duration.ofMinutes(5),
        2,
        5,
        Duration.ofSeconds(5),
        Duration.ofHours(24));
  }

  /**
   * The wait before the attempt after {@code failures} failed ones: retryDelay doubling, at most 5
   * min.
   */
  Duration retryAfterFailures(int failures) {
    Duration wait = retryDelay.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
    Duration cap = Duration.ofMinutes(5);
    return wait.compareTo(cap) > 0 ? cap : wait;
  }

  public SyncConfig withInterval(Duration value) {
    return new SyncConfig(value, overlap, readReserve, pageAttempts, retryDelay, fullInterval);
  }

  public SyncConfig withOverlap(Duration value) {
    return new SyncConfig(interval, value, readReserve, pageAttempts, retryDelay, fullInterval);
  }

  public SyncConfig withReadReserve(int value) {
    return new SyncConfig(interval, overlap, value, pageAttempts, retryDelay, fullInterval);
  }

  public SyncConfig withRetries(int attempts, Duration delay) {
    return new SyncConfig(interval, overlap, readReserve, attempts, delay, fullInterval);
  }

  public SyncConfig withFullInterval(Duration value) {
    return new SyncConfig(interval, overlap, readReserve, pageAttempts, retryDelay, value);
  }
}
