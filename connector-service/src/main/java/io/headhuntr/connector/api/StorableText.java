package io.headhuntr.connector.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before any handler runs, a JSON body holding text PostgreSQL cannot store: a NUL
 * character (U+0000) or half of a surrogate pair, both of which JSON can only carry as an escape.
 * The answer is a 422 naming the field ({@code target.first_name}, {@code [2].email}), so the
 * caller can fix it, instead of a 500 from the database later. Costs one scan of the body for a
 * backslash-u; the body is parsed only when an escape is there.
 */
public final class StorableText {
  private StorableText() {}

  /** A before-handler for the JSON API. */
  public static void check(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      return;
    }
    String body = ctx.body(); // cached: the handler reads the same text
    if (body.indexOf("\\u") < 0 && body.indexOf("\\U") < 0) {
      return;
    }
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(body);
    } catch (IOException e) {
      return; // not JSON: the handler answers that in its own words
    }
    unstorable(tree, "")
        .ifPresent(
            field -> {
              throw ProblemException.invalid(
                  field,
                  (field.isEmpty() ? "the body" : field)
                      + " contains a NUL character or a broken surrogate pair (an escape such as"
                      + " \\u0000 or a lone \\ud800), which cannot be stored: remove it and send"
                      + " again");
            });
  }

  /** The path of the first field whose text cannot be stored, if any. */
  static Optional<String> unstorable(JsonNode node, String path) {
    if (node.isTextual()) {
      return storable(node.textValue()) ? Optional.empty() : Optional.of(path);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = unstorable(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (!storable(field.getKey())) {
          return Optional.of(name);
        }
        Optional<String> found = unstorable(field.getValue(), name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
      if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
