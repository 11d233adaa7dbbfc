package io.headhuntr.harvest.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads how long a 429 asks to wait. {@code Retry-After} is documented as seconds but was once
 * documented as an epoch timestamp, so a value above ~1e9 is taken as epoch seconds; {@code
 * X-RateLimit-Reset} is the fallback, then one 10-second window.
 */
final class RetryAfter {
  static final Duration FALLBACK = Duration.ofSeconds(10);
  private static final Duration MAX = Duration.ofHours(1);
  private static final double EPOCH_THRESHOLD = 1e9;

  private RetryAfter() {}

  static Duration of(HarvestResponse response, Instant now) {
    return parse(response.header("Retry-After"), now)
        .or(() -> parse(response.header("X-RateLimit-Reset"), now))
        .orElse(FALLBACK);
  }

  static Optional<Duration> parse(Optional<String> header, Instant now) {
    if (header.isEmpty() || header.get().isBlank()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    try {
      double number = Double.parseDouble(value);
      if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
        return Optional.empty();
      }
      Duration wait =
          number > EPOCH_THRESHOLD
              ? Duration.between(now, Instant.ofEpochMilli((long) (number * 1000)))
              : Duration.ofMillis((long) (number * 1000));
      return Optional.of(clamp(wait));
    } catch (NumberFormatException notANumber) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(clamp(Duration.between(now, at)));
      } catch (RuntimeException notADate) {
        return Optional.empty();
      }
    }
  }

  private static Duration clamp(Duration wait) {
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
