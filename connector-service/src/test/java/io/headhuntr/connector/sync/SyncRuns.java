package io.headhuntr.connector.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs a tenant's passes as {@link SyncScheduler} does: a pass that stops at its checkpoint to wait
 * (rate limit, a retry) is run again at its {@code resumeAt}. The test's own thread waits in
 * between; no worker does.
 */
final class SyncRuns {
  /** The pass's last result and how many times it stopped to wait on the way. */
  record Settled(PassResult result, int waits) {
    PassResult.Outcome outcome() {
      return result.outcome();
    }
  }

  private SyncRuns() {}

  /** Runs passes of {@code tenant} until one ends other than waiting. */
  static PassResult settle(SyncService sync, UUID tenant) {
    return run(sync, tenant).result();
  }

  static Settled run(SyncService sync, UUID tenant) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
    int waits = 0;
    while (true) {
      PassResult result = sync.runPass(tenant);
      if (result.outcome() != PassResult.Outcome.WAITING) {
        return new Settled(result, waits);
      }
      waits++;
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the pass was still waiting after 30 minutes: " + result);
      }
      long millis = Duration.between(Instant.now(), result.resumeAt()).toMillis();
      if (millis > 0) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }
}
