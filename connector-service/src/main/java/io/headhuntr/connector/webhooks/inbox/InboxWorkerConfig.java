package io.headhuntr.connector.webhooks.inbox;

import io.headhuntr.connector.store.ClaimOwner;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link InboxWorker}: its name in {@code claimed_by}, rows per claim, the retry
 * policy, how long an idle thread waits before polling again, how often it heartbeats, and after
 * how long without a heartbeat a claim counts as abandoned (at least four heartbeats, so a slow
 * worker is not mistaken for a dead one).
 */
public record InboxWorkerConfig(
    String workerId,
    int batchSize,
    RetryPolicy retry,
    Duration pollInterval,
    Duration heartbeatInterval,
    Duration staleAfter) {

  public InboxWorkerConfig {
    Objects.requireNonNull(workerId, "workerId");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    if (staleAfter.compareTo(heartbeatInterval.multipliedBy(4)) < 0) {
      throw new IllegalArgumentException(
          "staleAfter must be at least 4 heartbeat intervals, was " + staleAfter);
    }
  }

  /**
   * A new worker id ({@link ClaimOwner}), 200 rows per claim (50 while giving way to a burst),
   * default retries, 200 ms polls, 5 s heartbeats, claims abandoned after 30 s. A backlog drains
   * about a tenth faster in claims of 200 than of 50 (docs/benchmarks.md, issue 15).
   */
  public static InboxWorkerConfig defaults() {
    return new InboxWorkerConfig(
        ClaimOwner.newName("inbox"),
        200,
        RetryPolicy.defaults(),
        Duration.ofMillis(200),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30));
  }

  public InboxWorkerConfig withWorkerId(String value) {
    return new InboxWorkerConfig(
        value, batchSize, retry, pollInterval, heartbeatInterval, staleAfter);
  }

  /**
   * Claims of a worker silent for {@code value} are taken over; heartbeats every sixth of that (as
   * the defaults: 5 s of 30 s).
   */
  public InboxWorkerConfig withStaleAfter(Duration value) {
    return new InboxWorkerConfig(
        workerId, batchSize, retry, pollInterval, value.dividedBy(6), value);
  }

  public InboxWorkerConfig withRetry(RetryPolicy value) {
    return new InboxWorkerConfig(
        workerId, batchSize, value, pollInterval, heartbeatInterval, staleAfter);
  }

  public InboxWorkerConfig withBatchSize(int value) {
    return new InboxWorkerConfig(
        workerId, value, retry, pollInterval, heartbeatInterval, staleAfter);
  }
}
