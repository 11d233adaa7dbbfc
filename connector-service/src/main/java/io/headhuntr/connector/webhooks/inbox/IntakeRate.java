package io.headhuntr.connector.webhooks.inbox;

import java.util.concurrent.TimeUnit;

/**
 * How the intake is doing over the last quarter second: how many verified deliveries it stored per
 * second, and how many requests shared a group commit on average (requests queue up for the commit
 * when the intake is the bottleneck: about 2 at a steady 1,000 a second here, 6 to 8 in a flood
 * from 16 connections). The appliers read both to leave the CPU to acknowledgements during a burst.
 * A window that ended more than one window ago counts as quiet.
 */
public final class IntakeRate {
  private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private long windowStart = System.nanoTime();
  private long count;
  private long requests;
  private long commits;
  private double lastPerSecond;
  private double lastPerCommit;

  /** One group commit that stored {@code deliveries} new deliveries for {@code requests}. */
  synchronized void record(int deliveries, int requests) {
    roll(System.nanoTime());
    count += deliveries;
    this.requests += requests;
    commits++;
  }

  /** Deliveries per second in the last complete window; 0 when the intake has gone quiet. */
  public synchronized double perSecond() {
    roll(System.nanoTime());
    return lastPerSecond;
  }

  /** Requests per group commit in the last complete window; 0 when the intake has gone quiet. */
  public synchronized double requestsPerCommit() {
    roll(System.nanoTime());
    return lastPerCommit;
  }

  private void roll(long now) {
    long elapsed = now - windowStart;
    if (elapsed < WINDOW_NANOS) {
      return;
    }
    boolean quiet = elapsed >= 2 * WINDOW_NANOS;
    lastPerSecond = quiet ? 0 : count * 1e9 / elapsed;
    lastPerCommit = quiet || commits == 0 ? 0 : (double) requests / commits;
    count = 0;
    requests = 0;
    commits = 0;
    windowStart = now;
  }
}
