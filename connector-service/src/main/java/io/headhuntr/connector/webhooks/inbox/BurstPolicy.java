package io.headhuntr.connector.webhooks.inbox;

import java.time.Duration;

/**
 * How the appliers give way to acknowledgements. While the intake stores at least {@code
 * startsAtPerSecond} deliveries a second and the machine's CPUs are at least {@code busyAt} busy (0
 * to 1), only one applier thread runs, and it spends at most {@code duty} of its time applying (it
 * rests between batches), so Greenhouse's requests keep the CPU and are answered fast. Once it
 * starts giving way it goes on for at least a second, or until the intake is quiet. A burst the
 * machine can take while applying at full speed is applied at full speed, so the mirror keeps up
 * with it. Applying is only deferred, never skipped: once the oldest delivery waiting has waited
 * {@code maxDeferral}, every thread applies at full speed again, so a sustained flood cannot hold
 * the mirror back for longer than that.
 */
public record BurstPolicy(
    double startsAtPerSecond, double duty, Duration maxDeferral, double busyAt, double crowdedAt) {

  public BurstPolicy {
    if (duty <= 0 || duty > 1) {
      throw new IllegalArgumentException("duty must be in (0, 1], was " + duty);
    }
    if (maxDeferral.isNegative()) {
      throw new IllegalArgumentException("maxDeferral must not be negative, was " + maxDeferral);
    }
    if (busyAt < 0 || busyAt > 1) {
      throw new IllegalArgumentException("busyAt must be in [0, 1], was " + busyAt);
    }
    if (crowdedAt < 0) {
      throw new IllegalArgumentException("crowdedAt must not be negative, was " + crowdedAt);
    }
  }

  /** Gives way on the rate alone, however idle the CPUs and the commits. */
  public BurstPolicy(double startsAtPerSecond, double duty, Duration maxDeferral) {
    this(startsAtPerSecond, duty, maxDeferral, 0, 0);
  }

  /**
   * From 300 deliveries a second, on CPUs at least 85 % busy, with 5 or more requests to a commit:
   * one thread at 50 %, for at most 30 s of delay. (docs/benchmarks.md, issue 15: on the rate
   * alone, a steady 1,000 deliveries a second left the mirror 3 s behind.)
   */
  public static BurstPolicy defaults() {
    return new BurstPolicy(300, 0.5, Duration.ofSeconds(30), 0.85, 5);
  }

  /** Appliers never give way. */
  public static BurstPolicy never() {
    return new BurstPolicy(Double.POSITIVE_INFINITY, 1, Duration.ZERO);
  }

  /** Whether an intake like this, on CPUs this busy, is a burst to give way to. */
  boolean slows(double perSecond, double cpuLoad, double requestsPerCommit) {
    return perSecond >= startsAtPerSecond && cpuLoad >= busyAt && requestsPerCommit >= crowdedAt;
  }
}
