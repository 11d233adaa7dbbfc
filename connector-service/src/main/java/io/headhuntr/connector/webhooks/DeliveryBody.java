package io.headhuntr.connector.webhooks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * What the intake reads of a verified body before acknowledging it, in one streaming pass that
 * builds nothing: its top-level {@code action}, or why it has none. Greenhouse often sends {@code
 * payload} before {@code action}, and a bulk action's payload can be large, so nested values are
 * skipped, not parsed into objects.
 *
 * @param action the top-level string {@code action}; null when {@code problem} is set
 * @param problem why the body is unusable ("not JSON", no action), in words for the operator
 */
public record DeliveryBody(String action, String problem) {

  /** Reads {@code body}; never throws. */
  public static DeliveryBody sniff(byte[] body) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return unusable("the body is not a JSON object");
      }
      String action = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("action") && value == JsonToken.VALUE_STRING) {
          action = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return unusable("the body is not JSON");
      }
      if (action == null || action.isBlank()) {
        return unusable("the body has no \"action\"");
      }
      return new DeliveryBody(action, null);
    } catch (IOException e) {
      return unusable("the body is not JSON");
    }
  }

  private static DeliveryBody unusable(String problem) {
    return new DeliveryBody(null, problem);
  }

  /** The action, when the body has one. */
  public Optional<String> knownAction() {
    return Optional.ofNullable(action);
  }

  public boolean isPing() {
    return "ping".equals(action);
  }
}
