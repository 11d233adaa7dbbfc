package io.headhuntr.connector.webhooks.inbox;

import java.util.concurrent.TimeUnit;

/**
 * How the intake is doing over the last quarter second: how many verified deliveries it stored per
 * second, and how long a request waited on average from handing its delivery to the group commit
 * until that commit was done. The appliers read both to leave the CPU to acknowledgements during a
 * burst that slows them. A window that ended more than one window ago counts as quiet.
 */
public final class IntakeRate {
  private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private long windowStart = System.nanoTime();
  private long count;
  private long waits;
  private long waitNanos;
  private double lastPerSecond;
  private double lastMeanWaitMillis;

  /** {@code deliveries} stored; no wait measured (tests, and callers that do not time them). */
  synchronized void record(int deliveries) {
    record(deliveries, 0, 0);
  }

  /**
   * {@code deliveries} newly stored, and {@code requests} requests (new and duplicate) that waited
   * {@code totalWaitNanos} in all for their commit.
   */
  synchronized void record(int deliveries, int requests, long totalWaitNanos) {
    roll(System.nanoTime());
    count += deliveries;
    waits += requests;
    waitNanos += totalWaitNanos;
  }

  /** Deliveries per second in the last complete window; 0 when the intake has gone quiet. */
  public synchronized double perSecond() {
    roll(System.nanoTime());
    return lastPerSecond;
  }

  /**
   * The mean wait of a request for its commit in the last complete window, in milliseconds; 0 when
   * the intake has gone quiet or no wait was measured.
   */
  public synchronized double meanWaitMillis() {
    roll(System.nanoTime());
    return lastMeanWaitMillis;
  }

  private void roll(long now) {
    long elapsed = now - windowStart;
    if (elapsed < WINDOW_NANOS) {
      return;
    }
    boolean quiet = elapsed >= 2 * WINDOW_NANOS;
    lastPerSecond = quiet ? 0 : count * 1e9 / elapsed;
    lastMeanWaitMillis = quiet || waits == 0 ? 0 : waitNanos / 1e6 / waits;
    count = 0;
    waits = 0;
    waitNanos = 0;
    windowStart = now;
  }
}
