package io.headhuntr.connector.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Validates the body of {@code PUT .../users}: every row, naming the row and field at fault. */
final class PlatformUserInput {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_ID = 200;
  private static final int MAX_USERS = 10_000;

  private PlatformUserInput() {}

  static List<PlatformUser> parse(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw ProblemException.invalid(
          "users", "send a JSON array of users: [{\"id\": ..., \"email\": ..., \"name\": ...}]");
    }
    if (body.size() > MAX_USERS) {
      throw ProblemException.invalid("users", "at most " + MAX_USERS + " users per tenant");
    }
    List<PlatformUser> users = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> emails = new HashMap<>();
    FieldProblems problems = new FieldProblems();
    for (int i = 0; i < body.size(); i++) {
      JsonNode row = body.get(i);
      String at = "users[" + i + "]";
      if (!row.isObject()) {
        problems.add(at, "each user is an object with id, email and name");
        continue;
      }
      String id = text(row, at, "id", problems);
      if (id.isEmpty()) {
        problems.add(at + ".id", "id is missing: give the platform's user id");
      } else if (id.length() > MAX_ID) {
        problems.add(at + ".id", "id is longer than " + MAX_ID + " characters");
      } else {
        Integer firstId = ids.putIfAbsent(id, i);
        if (firstId != null) {
          problems.add(
              at + ".id", "id '" + id + "' is also users[" + firstId + "]: each user appears once");
        }
      }
      String email = text(row, at, "email", problems);
      if (email.isEmpty()) {
        problems.add(
            at + ".email",
            "email is missing: give the user's work email (it is matched against Greenhouse's"
                + " users)");
      } else if (!EMAIL.matcher(email).matches()) {
        problems.add(
            at + ".email", "'" + email + "' is not an email address (expected name@company.com)");
      } else {
        Integer firstEmail = emails.putIfAbsent(PlatformUsers.emailKey(email), i);
        if (firstEmail != null) {
          problems.add(
              at + ".email",
              "email '"
                  + email
                  + "' is also the email of users["
                  + firstEmail
                  + "]: two users cannot share an email, since mapping matches by email");
        }
      }
      String name = text(row, at, "name", problems);
      users.add(new PlatformUser(id, email, name.isEmpty() ? null : name));
    }
    problems.throwIfAny();
    return users;
  }

  private static String text(JsonNode row, String at, String field, FieldProblems problems) {
    JsonNode value = row.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual() && !value.isNumber()) {
      problems.add(at + "." + field, field + " must be a string");
      return "";
    }
    return value.asText().trim();
  }
}
