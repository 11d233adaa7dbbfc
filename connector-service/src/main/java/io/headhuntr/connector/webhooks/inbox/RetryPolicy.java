package io.headhuntr.connector.webhooks.inbox;

import java.time.Duration;
import java.util.Optional;

/**
 * How a failed delivery is retried: exponential backoff from {@code initialDelay} by {@code
 * multiplier}, capped at {@code maxDelay}, parked once {@code maxAttempts} attempts have failed.
 * Built as one readable line: {@code RetryPolicy.backoff(ofSeconds(5), 2.0).maxDelay(ofHours(1))
 * .maxAttempts(8)}.
 */
public record RetryPolicy(
    Duration initialDelay, double multiplier, Duration maxDelay, int maxAttempts) {

  public RetryPolicy {
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be >= 1.0, was " + multiplier);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
  }

  /** 5 s doubling up to 1 h, parked after 8 attempts (about 10 minutes of retries). */
  public static RetryPolicy defaults() {
    return backoff(Duration.ofSeconds(5), 2.0).maxDelay(Duration.ofHours(1)).maxAttempts(8);
  }

  public static RetryPolicy backoff(Duration initialDelay, double multiplier) {
    return new RetryPolicy(initialDelay, multiplier, Duration.ofHours(1), 8);
  }

  public RetryPolicy maxDelay(Duration value) {
    return new RetryPolicy(initialDelay, multiplier, value, maxAttempts);
  }

  public RetryPolicy maxAttempts(int value) {
    return new RetryPolicy(initialDelay, multiplier, maxDelay, value);
  }

  /** The wait before the next attempt after {@code attemptsMade} failures; empty means park. */
  public Optional<Duration> delayAfter(int attemptsMade) {
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
    long capped = (long) Math.min(millis, (double) maxDelay.toMillis());
    return Optional.of(Duration.ofMillis(capped));
  }
}
