package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A v3 write body checked against its {@link Shape}: a JSON object (an empty body reads as {}), no
 * unknown field at any level, scalars of the right kind; every refusal is a 422 naming the field
 * (nested fields as {@code application.job_id}).
 */
record V3Body(ObjectNode json) {

  static V3Body read(Context ctx, Shape.Fields shape) {
    byte[] bytes = ctx.bodyAsBytes();
    JsonNode root;
    if (bytes.length == 0) {
      root = Json.object();
    } else {
      try {
        root = Json.MAPPER.readTree(bytes);
      } catch (IOException e) {
        throw V3Failure.invalid("body", "is not valid JSON");
      }
    }
    if (!(root instanceof ObjectNode object)) {
      throw V3Failure.invalid("body", "must be a JSON object");
    }
    check(object, shape, "");
    return new V3Body(object);
  }

  static void check(JsonNode value, Shape shape, String path) {
    if (value == null || value.isNull()) {
      return;
    }
    if (shape instanceof Shape.Fields f) {
      if (!value.isObject()) {
        throw V3Failure.invalid(name(path), "must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        Shape inner = f.fields().get(field.getKey());
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (inner == null) {
          throw V3Failure.invalid(at, "is not a known field");
        }
        check(field.getValue(), inner, at);
      }
    } else if (shape instanceof Shape.MapOf m) {
      if (!value.isObject()) {
        throw V3Failure.invalid(name(path), "must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        check(field.getValue(), m.value(), path + "." + field.getKey());
      }
    } else if (shape instanceof Shape.ArrayOf a) {
      if (!value.isArray()) {
        throw V3Failure.invalid(name(path), "must be an array");
      }
      for (JsonNode item : value) {
        check(item, a.item(), path);
      }
    } else if (shape instanceof Shape.Scalar s) {
      String problem =
          switch (s.kind()) {
            case ID ->
                value.isIntegralNumber() || value.isTextual() && value.asText().matches("\\d{1,18}")
                    ? null
                    : "must be an integer id";
            case TEXT -> value.isTextual() ? null : "must be a string";
            case BOOL -> value.isBoolean() ? null : "must be true or false";
            case ANY -> value.isValueNode() ? null : "must be a string, number or boolean";
          };
      if (problem != null) {
        throw V3Failure.invalid(name(path), problem);
      }
    }
  }

  private static String name(String path) {
    return path.isEmpty() ? "body" : path;
  }

  boolean has(String field) {
    return json.hasNonNull(field);
  }

  /** An id field, 0 when absent or null. */
  long id(String field) {
    JsonNode v = json.get(field);
    return v == null || v.isNull() ? 0 : v.asLong();
  }

  long requiredId(String field) {
    if (!has(field)) {
      throw V3Failure.required(field);
    }
    return id(field);
  }

  String text(String field) {
    JsonNode v = json.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  String requiredText(String field) {
    String v = text(field);
    if (v == null || v.isBlank()) {
      throw V3Failure.required(field);
    }
    return v;
  }
}
