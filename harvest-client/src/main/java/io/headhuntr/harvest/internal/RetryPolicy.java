package io.headhuntr.harvest.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before trying a read again: capped exponential backoff with jitter (so
 * many clients do not retry in step), a bounded number of attempts, and never a write.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, DoubleSupplier jitter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
    }
  }

  /** 4 attempts, 500 ms doubling up to 8 s, each wait drawn between half and all of its step. */
  public static RetryPolicy defaults(int maxAttempts) {
    return new RetryPolicy(
        maxAttempts,
        Duration.ofMillis(500),
        Duration.ofSeconds(8),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * The one retry rule: a read that failed transiently (I/O error, 429, 5xx) is tried again until
   * the bound. A write is never resent: Greenhouse has no idempotency keys, so a second POST could
   * create a second candidate.
   */
  public boolean shouldRetry(String method, int attemptsMade, int status, IOException failure) {
    boolean read = method.equals("GET") || method.equals("HEAD");
    // an answer too large to read will not shrink: not worth asking again
    boolean tooLarge = failure != null && failure.getCause() instanceof Send.AnswerTooLarge;
    boolean transientFailure = (failure != null && !tooLarge) || status == 429 || status >= 500;
    return read && transientFailure && attemptsMade < maxAttempts;
  }

  /**
   * The wait after the given failed attempt (1-based): between half and all of min(max, initial *
   * 2^(n-1)).
   */
  public Duration backoff(int attemptsMade) {
    long step = initialBackoff.toMillis() << Math.min(attemptsMade - 1, 20);
    long capped = Math.min(maxBackoff.toMillis(), step);
    return Duration.ofMillis((long) (capped * (0.5 + 0.5 * jitter.getAsDouble())));
  }
}
