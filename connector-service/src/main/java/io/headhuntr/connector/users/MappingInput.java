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
    FieldProblems problems = new FieldProblems();
    for (int i = 0; i < body.size(); i++) {
      JsonNode row = body.get(i);
      String at = "mappings[" + i + "]";
      if (!row.isObject()) {
        problems.add(at, "each mapping is an object with platform_user_id and greenhouse_user_id");
        continue;
      }
      JsonNode user = row.get("platform_user_id");
      String userId = user == null || user.isNull() ? "" : user.asText().trim();
      if (userId.isEmpty()) {
        problems.add(at + ".platform_user_id", "platform_user_id is missing");
      } else if (!knownUsers.contains(userId)) {
        problems.add(
            at + ".platform_user_id",
            "no platform user '" + userId + "' in this tenant: send it with PUT .../users first");
      } else {
        Integer first = seen.putIfAbsent(userId, i);
        if (first != null) {
          problems.add(
              at + ".platform_user_id",
              "'" + userId + "' is also mappings[" + first + "]: map each user once");
        }
      }
      Optional<Long> id = greenhouseId(row.get("greenhouse_user_id"), at, problems);
      rows.add(new Row(i, userId, id));
    }
    problems.throwIfAny();
    return rows;
  }

  private static Optional<Long> greenhouseId(JsonNode value, String at, FieldProblems problems) {
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
    problems.add(
        at + ".greenhouse_user_id",
        "'"
            + text
            + "' is not a Greenhouse user id: copy the number from the export's User ID column"
            + " (or null to clear the mapping)");
    return Optional.empty();
  }
}
