package io.headhuntr.sandbox.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One POST of a delivery: when, the HTTP status (absent on a timeout or network error), the error,
 * how long it took, and the nominal wait before the next attempt (absent after a success or the
 * last attempt).
 */
public record DeliveryAttempt(
    int number,
    Instant at,
    Optional<Integer> statusCode,
    Optional<String> error,
    Duration took,
    Optional<Duration> retryIn) {

  /** Greenhouse counts exactly HTTP 200 as delivered; 201, 202 and 204 are failures. */
  public boolean succeeded() {
    return statusCode.isPresent() && statusCode.get() == 200;
  }
}
