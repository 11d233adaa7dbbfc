package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.oauth.V3Guard;
import io.headhuntr.sandbox.webhooks.AdvancedSettings;
import io.headhuntr.sandbox.webhooks.InvalidRequest;
import io.headhuntr.sandbox.webhooks.Webhook;
import io.headhuntr.sandbox.webhooks.WebhookEvent;
import io.headhuntr.sandbox.webhooks.WebhookHub;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A partner's webhooks through Harvest v3 ({@code GET/POST /v3/webhooks}, {@code PATCH/DELETE
 * /v3/webhooks/{id}}), kept in the sandbox's {@link WebhookHub} so deliveries, pings, signatures
 * and retries are the ones of every other webhook. Each partner client sees and changes only the
 * webhooks it registered, at most one per {@code event_action_type}.
 */
final class PartnerWebhooks {
  static final int MAX_ATTEMPTS = 25;

  private static final Map<String, Shape> FIELDS =
      Map.of(
          "endpoint_url", Shape.TEXT,
          "name", Shape.TEXT,
          "event_action_type", Shape.TEXT,
          "secret_key", Shape.TEXT,
          "max_attempts", Shape.ID,
          "deactivated", Shape.BOOL,
          "basic_auth_username", Shape.TEXT,
          "basic_auth_password", Shape.TEXT,
          "additional_headers", new Shape.MapOf(Shape.TEXT),
          "error_recipient_email", Shape.TEXT);

  static final Shape.Fields BODY = new Shape.Fields(FIELDS);

  private final WebhookHub hub;
  private final java.time.Clock clock;

  /** Webhook id to the partner client that registered it. */
  private final Map<Long, String> owners = new ConcurrentHashMap<>();

  PartnerWebhooks(WebhookHub hub, java.time.Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  /** GET /v3/webhooks: the client's webhooks, id descending; event_action_type. */
  void list(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    String action = q.text("event_action_type");
    String client = V3Guard.clientId(ctx);
    V3Pages.answer(
        ctx,
        q,
        V3Pages.descending(hub.webhooks(), Webhook::id),
        Webhook::id,
        w ->
            client.equals(owners.get(w.id()))
                && (action == null || action.equals(w.event().action()))
                && common.test(w.id(), w.createdAt().toEpochMilli(), w.updatedAt().toEpochMilli()),
        this::json);
  }

  /** POST /v3/webhooks: 201 the webhook after its ping (deactivated when the ping failed). */
  synchronized void create(Context ctx) {
    V3Body body = V3Body.read(ctx, BODY);
    for (String field :
        List.of("endpoint_url", "name", "event_action_type", "secret_key", "max_attempts")) {
      if (!body.has(field)) {
        throw V3Failure.required(field);
      }
    }
    String client = V3Guard.clientId(ctx);
    WebhookEvent event = event(body.text("event_action_type"));
    requireFree(client, event, 0);
    Webhook saved;
    try {
      saved =
          hub.register(
              body.requiredText("name"),
              event,
              url(body.text("endpoint_url")),
              body.requiredText("secret_key"),
              body.text("error_recipient_email"),
              advanced(body, AdvancedSettings.NONE),
              maxAttempts(body),
              Boolean.TRUE.equals(bool(body, "deactivated")));
    } catch (InvalidRequest e) {
      throw V3Failure.invalid(e.field(), e.getMessage());
    }
    owners.put(saved.id(), client);
    Respond.json(ctx, 201, json(saved));
  }

  /** PATCH /v3/webhooks/{id}: 200 the webhook; saving pings again unless deactivated: true. */
  synchronized void update(Context ctx) {
    Webhook old = own(ctx);
    V3Body body = V3Body.read(ctx, BODY);
    WebhookEvent event =
        body.has("event_action_type") ? event(body.text("event_action_type")) : old.event();
    requireFree(V3Guard.clientId(ctx), event, old.id());
    Webhook changed;
    try {
      changed =
          new Webhook(
              old.id(),
              body.has("name") ? body.requiredText("name") : old.name(),
              event,
              body.has("endpoint_url") ? url(body.text("endpoint_url")) : old.endpointUrl(),
              body.has("secret_key") ? body.requiredText("secret_key") : old.secretKey(),
              body.json().has("error_recipient_email")
                  ? body.text("error_recipient_email")
                  : old.errorRecipientEmail(),
              true,
              old.createdAt(),
              clock.instant(),
              advanced(body, old.advanced()),
              body.has("max_attempts") ? maxAttempts(body) : old.maxAttempts());
    } catch (InvalidRequest e) {
      throw V3Failure.invalid(e.field(), e.getMessage());
    }
    Boolean deactivated = bool(body, "deactivated");
    boolean deactivate =
        deactivated != null ? deactivated : !old.active() && !touchesDelivery(body);
    Respond.ok(ctx, json(hub.replace(changed, deactivate)));
  }

  /** A change of where or how deliveries go re-pings a deactivated webhook. */
  private static boolean touchesDelivery(V3Body body) {
    return body.has("endpoint_url")
        || body.has("secret_key")
        || body.has("basic_auth_username")
        || body.has("basic_auth_password")
        || body.has("additional_headers");
  }

  /** DELETE /v3/webhooks/{id}: 204. */
  synchronized void delete(Context ctx) {
    Webhook old = own(ctx);
    hub.unregister(old.id());
    owners.remove(old.id());
    ctx.status(204);
  }

  private Webhook own(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    Optional<Webhook> hook = hub.webhook(id);
    if (hook.isEmpty() || !V3Guard.clientId(ctx).equals(owners.get(id))) {
      throw V3Failure.notFound();
    }
    return hook.get();
  }

  private void requireFree(String client, WebhookEvent event, long except) {
    for (Webhook w : hub.webhooks()) {
      if (w.id() != except && client.equals(owners.get(w.id())) && w.event() == event) {
        throw V3Failure.invalid(
            "event_action_type", "already has webhook " + w.id() + " for " + event.action());
      }
    }
  }

  private static WebhookEvent event(String action) {
    return WebhookEvent.ofAction(action)
        .orElseThrow(
            () -> V3Failure.invalid("event_action_type", "is not a known event: " + action));
  }

  private static URI url(String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          || uri.getHost() == null) {
        throw V3Failure.invalid("endpoint_url", "must be an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw V3Failure.invalid("endpoint_url", "is not a valid URL");
    }
  }

  private static int maxAttempts(V3Body body) {
    long n = body.id("max_attempts");
    if (n < 1 || n > MAX_ATTEMPTS) {
      throw V3Failure.invalid("max_attempts", "must be between 1 and " + MAX_ATTEMPTS);
    }
    return (int) n;
  }

  private static Boolean bool(V3Body body, String field) {
    JsonNode v = body.json().get(field);
    return v == null || v.isNull() ? null : v.asBoolean();
  }

  private static AdvancedSettings advanced(V3Body body, AdvancedSettings old) {
    Map<String, String> headers = old.additionalHeaders();
    JsonNode raw = body.json().get("additional_headers");
    if (raw != null && !raw.isNull()) {
      headers = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        headers.put(h.getKey(), h.getValue().asText());
      }
    }
    return new AdvancedSettings(
        body.has("basic_auth_username")
            ? Optional.of(body.text("basic_auth_username"))
            : old.basicAuthUsername(),
        body.has("basic_auth_password")
            ? Optional.of(body.text("basic_auth_password"))
            : old.basicAuthPassword(),
        headers);
  }

  /** The v3 webhook record; never the secret or the basic-auth password. */
  ObjectNode json(Webhook w) {
    ObjectNode n = Json.object();
    n.put("id", w.id());
    n.put("name", w.name());
    n.put("endpoint_url", w.endpointUrl().toString());
    n.put("event_action_type", w.event().action());
    n.put("max_attempts", w.maxAttempts() == 0 ? 7 : w.maxAttempts());
    n.put("deactivated", !w.active());
    Optional<java.time.Instant> last = hub.lastDelivered(w.id());
    Json.time(n, "last_delivered", last.map(java.time.Instant::toEpochMilli).orElse(0L));
    n.put("error_recipient_email", w.errorRecipientEmail());
    Json.time(n, "created_at", w.createdAt().toEpochMilli());
    Json.time(n, "updated_at", w.updatedAt().toEpochMilli());
    return n;
  }
}
