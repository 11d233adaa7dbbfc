package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares the shape of a built payload with a documented example: every key the example has must
 * be present with the same JSON type. A null in the example accepts any type; a null where the
 * example has a value does not. Non-empty example arrays need a non-empty array whose every element
 * has the shape of the example's first. {@code custom_fields} objects are maps keyed by field:
 * every entry must be {@code {name, type, value}}.
 */
final class JsonShapes {

  private JsonShapes() {}

  static List<String> mismatches(JsonNode example, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", example, actual, false, out);
    return out;
  }

  static List<String> mismatchesAllowingEmpty(JsonNode example, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", example, actual, true, out);
    return out;
  }

  private static void compare(
      String path, JsonNode example, JsonNode actual, boolean allowEmpty, List<String> out) {
    if (example.isNull()) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": missing");
      return;
    }
    if (allowEmpty && actual.isNull()) {
      return;
    }
    if (!type(example).equals(type(actual))) {
      out.add(path + ": " + type(actual) + " where the example has " + type(example));
      return;
    }
    if (example.isObject()) {
      if (path.endsWith(".custom_fields")) {
        compareCustomFields(path, actual, out);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        compare(
            path + "." + field.getKey(),
            field.getValue(),
            actual.get(field.getKey()),
            allowEmpty,
            out);
      }
    } else if (example.isArray() && example.size() > 0) {
      if (actual.size() == 0 && !allowEmpty) {
        out.add(path + ": empty where the example has elements");
      }
      for (int i = 0; i < actual.size(); i++) {
        compare(path + "[" + i + "]", example.get(0), actual.get(i), allowEmpty, out);
      }
    }
  }

  private static void compareCustomFields(String path, JsonNode actual, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      for (String key : new String[] {"name", "type", "value"}) {
        if (!field.getValue().has(key)) {
          out.add(path + "." + field.getKey() + "." + key + ": missing");
        }
      }
    }
  }

  private static String type(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT, POJO -> "object";
      case ARRAY -> "array";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      default -> "null";
    };
  }
}
