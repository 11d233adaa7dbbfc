package io.headhuntr.connector.greenhouse;

import java.time.Duration;

/**
 * Hears of every call a {@link Greenhouse} view makes: method, path (no query values that name a
 * person), the HTTP status (0 when no answer came) and its duration. A read retried inside the
 * adapter counts once.
 */
@FunctionalInterface
public interface CallLog {
  /** Hears nothing. */
  CallLog NONE = (method, path, status, took) -> {};

  void called(String method, String path, int status, Duration took);
}
