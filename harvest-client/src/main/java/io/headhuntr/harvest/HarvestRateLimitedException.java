package io.headhuntr.harvest;

import java.time.Duration;

/**
 * HTTP 429: the credential's rate budget is spent; wait {@link #retryAfter()} before calling again.
 */
public final class HarvestRateLimitedException extends HarvestException {
  private final Duration retryAfter;

  public HarvestRateLimitedException(String method, String path, Duration retryAfter) {
    super(
        method,
        path,
        429,
        describe(
            method,
            path,
            429,
            null,
            "Rate limit reached; wait "
                + retryAfter.toMillis()
                + " ms. Nothing was changed. Sharing one client per credential lets it pace itself."),
        null);
    this.retryAfter = retryAfter;
  }

  /** How long Greenhouse asked to wait. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
