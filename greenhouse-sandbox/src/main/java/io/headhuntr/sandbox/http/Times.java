package io.headhuntr.sandbox.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the timestamps Harvest clients send: ISO instants, offsets, or plain dates. */
public final class Times {
  private Times() {}

  /** Epoch millis of an ISO-8601 instant, offset date-time or date (midnight UTC). */
  public static long parse(String text) {
    // an unencoded '+' of an offset arrives as a space in a query string
    String raw = text.trim().replace(' ', '+');
    try {
      return Instant.parse(raw).toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(raw).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      }
    }
  }
}
