package io.headhuntr.connector.webhooks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the top-level {@code action} of a webhook body without building the payload: Greenhouse
 * often sends {@code payload} first, and a bulk action's payload can be large.
 */
final class ActionSniffer {

  private ActionSniffer() {}

  /** The action, or empty when the body is not a JSON object or has no string action. */
  static Optional<String> action(byte[] body) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("action") && value == JsonToken.VALUE_STRING) {
          return Optional.of(parser.getText()).filter(a -> !a.isEmpty());
        }
        parser.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
