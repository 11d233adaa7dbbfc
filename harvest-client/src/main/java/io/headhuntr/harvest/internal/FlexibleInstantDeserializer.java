package io.headhuntr.harvest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads Greenhouse timestamps: ISO-8601 with or without fractions ({@code 2013-12-10T14:42:58Z},
 * {@code 2016-02-03T16:38:46.985Z}), with an offset, or a bare date (taken as midnight UTC); blank
 * means null.
 */
final class FlexibleInstantDeserializer extends StdScalarDeserializer<Instant> {
  FlexibleInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return Instant.ofEpochSecond(p.getLongValue());
    }
    String text = p.getValueAsString();
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        return (Instant)
            ctx.handleWeirdStringValue(Instant.class, value, "not an ISO-8601 timestamp");
      }
    }
  }
}
