package io.headhuntr.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's Harvest API keys and the endpoint permissions each holds ("*" holds all). Admin
 * routes: {@code POST /sandbox/keys}, {@code DELETE /sandbox/keys/{key}}, {@code GET
 * /sandbox/keys}.
 */
public final class ApiKeys {
  /** The permission that stands for every permission. */
  public static final String ALL = "*";

  private final Map<String, Set<String>> keys = new ConcurrentHashMap<>();

  public void add(String key, Set<String> permissions) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("an API key must not be blank");
    }
    keys.put(key, Set.copyOf(permissions));
  }

  public void revoke(String key) {
    keys.remove(key);
  }

  /** The permissions of a live key, empty when the key is unknown or revoked. */
  public Optional<Set<String>> permissions(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(keys.get(key));
  }

  public static boolean grants(Set<String> permissions, String permission) {
    return permissions.contains(ALL) || permissions.contains(permission);
  }

  /** Shows at most the last four characters of a key. */
  public static String mask(String key) {
    return key.length() <= 4 ? "****" : "****" + key.substring(key.length() - 4);
  }

  /** {@code POST /sandbox/keys {"key": "...", "permissions": [...]}}. */
  public void create(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    String key = body.path("key").asText("");
    if (key.isBlank()) {
      throw HarvestError.missing("key");
    }
    Set<String> permissions = new LinkedHashSet<>();
    for (JsonNode p : body.path("permissions")) {
      permissions.add(p.asText());
    }
    add(key, permissions);
    ObjectNode answer = Json.object();
    answer.put("key", mask(key));
    answer.set("permissions", Json.strings(permissions));
    Respond.json(ctx, 201, answer);
  }

  /** {@code DELETE /sandbox/keys/{key}}. */
  public void delete(Context ctx) {
    String key = ctx.pathParam("key");
    if (keys.remove(key) == null) {
      throw HarvestError.notFound();
    }
    ctx.status(204);
  }

  /** {@code GET /sandbox/keys}, values masked. */
  public void list(Context ctx) {
    ArrayNode array = Json.array();
    keys.forEach(
        (key, permissions) -> {
          ObjectNode node = array.addObject();
          node.put("key", mask(key));
          node.set("permissions", Json.strings(permissions));
        });
    Respond.ok(ctx, array);
  }
}
