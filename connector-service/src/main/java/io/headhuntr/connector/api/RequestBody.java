package io.headhuntr.connector.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a JSON object body and its fields, naming the field at fault when one is wrong. */
public final class RequestBody {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private final JsonNode node;

  private RequestBody(JsonNode node) {
    this.node = node;
  }

  /** The body as a JSON object; an empty body reads as {@code {}}. */
  public static RequestBody of(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return new RequestBody(Json.mapper().createObjectNode());
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node == null || !node.isObject()) {
        throw ProblemException.badRequest("the body must be a JSON object");
      }
      return new RequestBody(node);
    } catch (IOException e) {
      throw ProblemException.badRequest("the body is not valid JSON");
    }
  }

  /** A string field; absent or null is empty, any other type is refused. */
  public Optional<String> text(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ProblemException.invalid(field, field + " must be a string");
    }
    return Optional.of(value.asText().strip()).filter(v -> !v.isEmpty());
  }

  /** A boolean field; absent or null is empty, any other type is refused. */
  public Optional<Boolean> bool(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw ProblemException.invalid(field, field + " must be true or false");
    }
    return Optional.of(value.booleanValue());
  }

  public String requiredText(String field) {
    return text(field).orElseThrow(() -> ProblemException.invalid(field, field + " is required"));
  }

  public String requiredEmail(String field) {
    String value = requiredText(field);
    if (value.length() > 320 || !EMAIL.matcher(value).matches()) {
      throw ProblemException.invalid(field, field + " must be an email address");
    }
    return value;
  }
}
