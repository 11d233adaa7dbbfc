package io.headhuntr.connector.webhooks.inbox;

import java.time.Duration;

/**
 * How the appliers give way to acknowledgements. While the intake stores at least {@code
 * startsAtPerSecond} deliveries a second and its requests wait on average at least {@code slowWait}
 * for their commit (the CPU is short), only one applier thread runs, and it spends at most {@code
 * duty} of its time applying (it rests between batches), so Greenhouse's requests keep the CPU and
 * are answered fast. Once it starts giving way, it goes on for at least a second, or until the
 * intake is quiet. A burst the machine can take while applying at full speed is applied at full
 * speed, so the mirror keeps up with it. Applying is only deferred, never skipped: once the oldest
 * delivery waiting has waited {@code maxDeferral}, every thread applies at full speed again, so a
 * sustained flood cannot hold the mirror back for longer than that.
 */
public record BurstPolicy(
    double startsAtPerSecond, double duty, Duration maxDeferral, Duration slowWait) {

  public BurstPolicy {
    if (duty <= 0 || duty > 1) {
      throw new IllegalArgumentException("duty must be in (0, 1], was " + duty);
    }
    if (maxDeferral.isNegative()) {
      throw new IllegalArgumentException("maxDeferral must not be negative, was " + maxDeferral);
    }
    if (slowWait.isNegative()) {
      throw new IllegalArgumentException("slowWait must not be negative, was " + slowWait);
    }
  }

  /** Gives way on the rate alone, however fast the acknowledgements still are. */
  public BurstPolicy(double startsAtPerSecond, double duty, Duration maxDeferral) {
    this(startsAtPerSecond, duty, maxDeferral, Duration.ZERO);
  }

  /**
   * From 300 deliveries a second when requests wait 2 ms or more for their commit: one thread at 50
   * %, for at most 30 s of delay. (Measured in docs/benchmarks.md, issue 15: a commit takes about 1
   * ms when the CPU is free; on the rate alone, 2,000 deliveries a second that the machine could
   * apply as they came left the mirror 7 s behind.)
   */
  public static BurstPolicy defaults() {
    return new BurstPolicy(300, 0.5, Duration.ofSeconds(30), Duration.ofMillis(2));
  }

  /** Appliers never give way. */
  public static BurstPolicy never() {
    return new BurstPolicy(Double.POSITIVE_INFINITY, 1, Duration.ZERO);
  }

  /** Whether an intake at this rate and mean commit wait is a burst to give way to. */
  boolean slows(double perSecond, double meanWaitMillis) {
    return perSecond >= startsAtPerSecond && meanWaitMillis >= slowWait.toNanos() / 1e6;
  }
}
