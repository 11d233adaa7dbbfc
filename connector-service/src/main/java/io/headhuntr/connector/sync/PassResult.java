package io.headhuntr.connector.sync;

/** How a tenant's sync pass ended: completed, paused (credential refused), failed, or skipped. */
public record PassResult(Outcome outcome, String detail) {
  /** The ways a pass ends. */
  public enum Outcome {
    COMPLETED,
    PAUSED,
    FAILED,
    /** Another pass of the tenant was running, or the tenant's sync is paused or unknown. */
    SKIPPED
  }

  static PassResult completed() {
    return new PassResult(Outcome.COMPLETED, "every resource is up to date");
  }
}
