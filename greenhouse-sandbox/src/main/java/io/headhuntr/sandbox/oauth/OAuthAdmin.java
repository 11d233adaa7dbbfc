package io.headhuntr.sandbox.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's administration of OAuth clients: {@code POST/GET /sandbox/oauth/clients}, {@code
 * DELETE /sandbox/oauth/clients/{id}}, {@code PUT .../{id}/scopes} and {@code POST
 * .../{id}/revoke}. Answers never carry a whole secret.
 */
final class OAuthAdmin {
  private final OAuthClients clients;
  private final Grants grants;

  OAuthAdmin(OAuthClients clients, Grants grants) {
    this.clients = clients;
    this.grants = grants;
  }

  void create(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    String id = text(body, "client_id");
    String secret = text(body, "client_secret");
    ClientKind kind;
    try {
      kind = ClientKind.fromWire(text(body, "kind"));
    } catch (IllegalArgumentException e) {
      throw HarvestError.invalid("kind", "must be custom or partner");
    }
    Set<String> scopes = scopes(body);
    Optional<String> redirect =
        Optional.ofNullable(body.get("redirect_uri"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .filter(s -> !s.isBlank());
    if (kind == ClientKind.PARTNER && redirect.isEmpty()) {
      throw HarvestError.invalid("redirect_uri", "is required for a partner client");
    }
    if (clients.find(id).isPresent()) {
      throw HarvestError.invalid("client_id", "is already registered");
    }
    OAuthClient client = clients.register(id, secret, kind, scopes, redirect);
    Respond.json(ctx, 201, view(client));
  }

  void list(Context ctx) {
    ArrayNode array = Json.array();
    clients.all().stream()
        .sorted(java.util.Comparator.comparing(OAuthClient::id))
        .forEach(c -> array.add(view(c).put("client_secret", c.secret().masked())));
    Respond.ok(ctx, array);
  }

  void delete(Context ctx) {
    String id = ctx.pathParam("id");
    if (!clients.remove(id)) {
      throw HarvestError.notFound();
    }
    grants.revoke(id);
    ctx.status(204);
  }

  void replaceScopes(Context ctx) {
    String id = ctx.pathParam("id");
    Set<String> scopes = scopes(Respond.body(ctx));
    if (!clients.replaceScopes(id, scopes)) {
      throw HarvestError.notFound();
    }
    Respond.ok(ctx, view(clients.find(id).orElseThrow()));
  }

  void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (clients.find(id).isEmpty()) {
      throw HarvestError.notFound();
    }
    grants.revoke(id);
    ctx.status(204);
  }

  static ObjectNode view(OAuthClient c) {
    ObjectNode node = Json.object();
    node.put("client_id", c.id());
    node.put("kind", c.kind().wire());
    node.set("scopes", Json.strings(c.scopes()));
    c.redirectUri()
        .ifPresentOrElse(u -> node.put("redirect_uri", u), () -> node.putNull("redirect_uri"));
    node.put("service_user_id", c.serviceUserId());
    return node;
  }

  private static String text(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw HarvestError.invalid(field, "is required");
    }
    return node.asText();
  }

  private static Set<String> scopes(ObjectNode body) {
    JsonNode node = body.get("scopes");
    if (node == null || !node.isArray()) {
      throw HarvestError.invalid("scopes", "is required and must be an array of scope names");
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (JsonNode s : node) {
      if (!s.isTextual() || !Scopes.known(s.asText())) {
        throw HarvestError.invalid("scopes", "unknown scope " + s.asText());
      }
      scopes.add(s.asText());
    }
    return scopes;
  }
}
