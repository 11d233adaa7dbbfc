package io.headhuntr.connector.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates the body of {@code PUT .../user-mappings}: {@code [{"platform_user_id",
 * "greenhouse_user_id"}]}, where the id may be typed by hand (a number or a numeric string) and
 * {@code null} clears a mapping.
 */
final class MappingInput {

  /** One reviewed row; an empty id clears the user's mapping. */
  record Row(int index, String platformUserId, Optional<Long> greenhouseUserId) {}

  private MappingInput() {}

  static List<Row> parse(JsonNode body, Set<String> knownUsers) {
    if (body == null || !body.isArray()) {
      throw ProblemException.invalid(
          "mappings",
          "send a JSON array: [{\"platform_user_id\": ..., \"greenhouse_user_id\": ...}]");
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode row = body.get(i);
      String at = "mappings[" + i + "]";
      if (!row.isObject()) {
        throw ProblemException.invalid(
            at, "each mapping is an object with platform_user_id and greenhouse_user_id");
      }
      JsonNode user = row.get("platform_user_id");
      String userId = user == null || user.isNull() ? "" : user.asText().trim();
      if (userId.isEmpty()) {
        throw ProblemException.invalid(at + ".platform_user_id", "platform_user_id is missing");
      }
      if (!knownUsers.contains(userId)) {
        throw ProblemException.invalid(
            at + ".platform_user_id",
            "no platform user '" + userId + "' in this tenant: send it with PUT .../users first");
      }
      Integer first = seen.putIfAbsent(userId, i);
      if (first != null) {
        throw ProblemException.invalid(
            at + ".platform_user_id",
            "'" + userId + "' is also mappings[" + first + "]: map each user once");
      }
      rows.add(new Row(i, userId, greenhouseId(row.get("greenhouse_user_id"), at)));
    }
    return rows;
  }

  private static Optional<Long> greenhouseId(JsonNode value, String at) {
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      return Optional.empty();
    }
    String text = value.asText().trim();
    try {
      long id = value.isIntegralNumber() ? value.asLong() : Long.parseLong(text);
      if (id > 0) {
        return Optional.of(id);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.invalid(
        at + ".greenhouse_user_id",
        "'"
            + text
            + "' is not a Greenhouse user id: copy the number from the export's User ID column"
            + " (or null to clear the mapping)");
  }
}
