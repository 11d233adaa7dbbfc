package io.headhuntr.connector.webhooks.inbox;

import java.util.concurrent.TimeUnit;

/**
 * How many verified deliveries the intake stored per second, over the last quarter second: the
 * appliers read it to leave the CPU to acknowledgements during a burst. A window that ended more
 * than one window ago counts as quiet.
 */
public final class IntakeRate {
  private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private long windowStart = System.nanoTime();
  private long count;
  private double lastPerSecond;

  synchronized void record(int deliveries) {
    roll(System.nanoTime());
    count += deliveries;
  }

  /** Deliveries per second in the last complete window; 0 when the intake has gone quiet. */
  public synchronized double perSecond() {
    roll(System.nanoTime());
    return lastPerSecond;
  }

  private void roll(long now) {
    long elapsed = now - windowStart;
    if (elapsed < WINDOW_NANOS) {
      return;
    }
    lastPerSecond = elapsed >= 2 * WINDOW_NANOS ? 0 : count * 1e9 / elapsed;
    count = 0;
    windowStart = now;
  }
}
