package io.headhuntr.connector.sync;

import java.time.Instant;

/**
 * How a tenant's sync pass ended: completed, paused (credential refused), failed, skipped, or
 * waiting: stopped at its checkpoint until {@code resumeAt} (Greenhouse's rate limit, or a retry
 * after a failed page), when it continues where it stopped.
 */
public record PassResult(Outcome outcome, String detail, Instant resumeAt) {
  /** The ways a pass ends. */
  public enum Outcome {
    COMPLETED,
    PAUSED,
    FAILED,
    /** Another pass of the tenant was running, or the tenant's sync is paused or unknown. */
    SKIPPED,
    /** Stopped at its checkpoint; run it again at {@link #resumeAt()}. */
    WAITING
  }

  public PassResult(Outcome outcome, String detail) {
    this(outcome, detail, null);
  }

  static PassResult completed() {
    return new PassResult(Outcome.COMPLETED, "every resource is up to date");
  }

  static PassResult waiting(String detail, Instant resumeAt) {
    return new PassResult(Outcome.WAITING, detail, resumeAt);
  }
}
