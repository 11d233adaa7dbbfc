package io.headhuntr.connector.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.ProblemException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** The small HTTP rules of the push routes: keys, ids, limits, bodies, answers. */
final class PushHttp {
  private PushHttp() {}

  static String idempotencyKey(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(
          field,
          field + " is required: a unique key per push, reused" + " when the same push is retried");
    }
    if (value.length() > 255 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ProblemException.invalid(field, field + " must be 1 to 255 visible ASCII characters");
    }
    return value;
  }

  static int limit(String value) {
    if (value == null) {
      return 100;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ProblemException.invalid("limit", "limit must be between 1 and 1000");
  }

  static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no " + field.replace('_', ' ') + " " + value);
    }
  }

  static JsonNode readBody(String text) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node == null || !node.isObject()) {
        throw ProblemException.badRequest("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("the body is not valid JSON");
    }
  }

  static String hash(JsonNode request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(PushStore.write(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void answer(Context ctx, int status, JsonNode body) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(PushStore.write(body));
  }
}
