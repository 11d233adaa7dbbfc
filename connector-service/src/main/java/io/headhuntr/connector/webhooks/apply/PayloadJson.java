package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Lenient readers for webhook JSON: absent and {@code null} are the same, times in several forms.
 */
final class PayloadJson {
  private PayloadJson() {}

  static boolean has(JsonNode node, String field) {
    return node != null && node.hasNonNull(field);
  }

  static String text(JsonNode node, String field) {
    return has(node, field) ? node.get(field).asText() : null;
  }

  static Long longOrNull(JsonNode node, String field) {
    if (!has(node, field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value.isNumber()) {
      return value.asLong();
    }
    try {
      return Long.parseLong(value.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Boolean bool(JsonNode node, String field) {
    if (!has(node, field)) {
      return null;
    }
    JsonNode value = node.get(field);
    return value.isBoolean() ? value.asBoolean() : Boolean.parseBoolean(value.asText());
  }

  /** A required numeric id; a payload without it is unusable. */
  static long requiredId(JsonNode node, String field, String where) {
    Long id = longOrNull(node, field);
    if (id == null) {
      throw new UnusablePayloadException(where + "." + field + " is missing");
    }
    return id;
  }

  /**
   * An ISO-8601 instant with or without milliseconds or offset, or a bare date (taken as midnight
   * UTC); NULL for anything else, blank included.
   */
  static Instant instant(JsonNode node, String field) {
    String text = text(node, field);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /** The object at {@code field}, or null when absent, null or not an object. */
  static JsonNode object(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isObject() ? value : null;
  }
}
