package io.headhuntr.connector.webhooks.inbox;

import java.time.Duration;

/**
 * How the appliers give way to acknowledgements. While the intake stores at least {@code
 * startsAtPerSecond} deliveries a second, only one applier thread runs, and it spends at most
 * {@code duty} of its time applying (it rests between batches), so Greenhouse's requests keep the
 * CPU and are answered fast. Applying is only deferred, never skipped: once the oldest delivery
 * waiting has waited {@code maxDeferral}, every thread applies at full speed again, so a sustained
 * flood cannot hold the mirror back for longer than that.
 */
public record BurstPolicy(double startsAtPerSecond, double duty, Duration maxDeferral) {

  public BurstPolicy {
    if (duty <= 0 || duty > 1) {
      throw new IllegalArgumentException("duty must be in (0, 1], was " + duty);
    }
    if (maxDeferral.isNegative()) {
      throw new IllegalArgumentException("maxDeferral must not be negative, was " + maxDeferral);
    }
  }

  /**
   * From 300 deliveries a second: one thread at 50 %, for at most 30 s of delay. (At 20 % the
   * acknowledgements were no faster, since they wait on commits more than on the CPU, and the
   * mirror fell further behind: docs/benchmarks.md, issue 15.)
   */
  public static BurstPolicy defaults() {
    return new BurstPolicy(300, 0.5, Duration.ofSeconds(30));
  }

  /** Appliers never give way. */
  public static BurstPolicy never() {
    return new BurstPolicy(Double.POSITIVE_INFINITY, 1, Duration.ZERO);
  }
}
