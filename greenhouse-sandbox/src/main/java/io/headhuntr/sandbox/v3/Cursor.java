package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's cursor (contract section 8): URL-safe base64 of {@code {"query":{..first
 * query..},"per_page":n,"id":<last id>}}; the next page holds ids below {@code id} that still match
 * the query.
 */
record Cursor(Map<String, String> query, int perPage, long lastId) {

  Cursor {
    query = Map.copyOf(query);
  }

  String encode() {
    ObjectNode node = Json.object();
    ObjectNode q = node.putObject("query");
    // Greenhouse's own cursors keep per_page as a number inside "query" (HARVEST-V3-SETTLED 1.3).
    new java.util.TreeMap<>(query)
        .forEach(
            (k, v) -> {
              if (k.equals("per_page") && v.matches("\\d{1,3}")) {
                q.put(k, Integer.parseInt(v));
              } else {
                q.put(k, v);
              }
            });
    node.put("per_page", perPage);
    node.put("id", lastId);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor; anything that does not decode to one is a 422 naming {@code cursor}. */
  static Cursor decode(String raw) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(raw.trim());
      JsonNode node = Json.MAPPER.readTree(bytes);
      JsonNode q = node.path("query");
      JsonNode perPage = node.path("per_page");
      JsonNode id = node.path("id");
      if (!q.isObject() || !perPage.isInt() || !id.isIntegralNumber()) {
        throw V3Failure.invalid("cursor", "is not a cursor of this API");
      }
      Map<String, String> query = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = q.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        query.put(e.getKey(), e.getValue().asText());
      }
      int n = perPage.asInt();
      if (n < 1 || n > V3Query.MAX_PER_PAGE) {
        throw V3Failure.invalid("cursor", "is not a cursor of this API");
      }
      return new Cursor(query, n, id.asLong());
    } catch (IllegalArgumentException | IOException e) {
      throw V3Failure.invalid("cursor", "is not a cursor of this API");
    }
  }
}
