package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The bodies of the hub's admin handlers: request parsing, answers and JSON views. */
final class WebhookAdmin {

  private final WebhookHub hub;

  WebhookAdmin(WebhookHub hub) {
    this.hub = hub;
  }

  /**
   * {@code POST /sandbox/webhooks} {@code
   * {"name","when","endpoint_url","secret_key","error_recipient_email"}}.
   */
  void create(Context ctx) {
    try {
      WebhookRequest request = WebhookRequest.parse(ctx.bodyAsBytes()).requireAllForCreate();
      if (request.active().isPresent()) {
        throw new InvalidRequest(
            "active", "a new webhook is active when its ping succeeds; use PATCH");
      }
      Webhook hook =
          hub.register(
              request.name().get(),
              request.event().get().label(),
              request.endpointUrl().get(),
              request.secretKey().get(),
              request.errorRecipientEmail().get(),
              request.advanced(AdvancedSettings.NONE));
      AdminJson.send(ctx, 201, view(hook));
    } catch (InvalidRequest e) {
      AdminJson.invalid(ctx, e);
    }
  }

  /** {@code GET /sandbox/webhooks}: every webhook with its status. */
  void list(Context ctx) {
    ArrayNode array = AdminJson.JSON.createArrayNode();
    hub.webhooks().forEach(hook -> array.add(view(hook)));
    AdminJson.send(ctx, 200, array);
  }

  /**
   * {@code PATCH /sandbox/webhooks/{id}}: changes any of the create fields and {@code active}; like
   * Greenhouse, saving pings again and the webhook is active only if that ping succeeds; {@code
   * "active": false} disables it without a ping.
   */
  void update(Context ctx) {
    Optional<Webhook> existing = parseId(ctx.pathParam("id")).flatMap(hub::webhook);
    if (existing.isEmpty()) {
      AdminJson.notFound(ctx);
      return;
    }
    try {
      WebhookRequest request = WebhookRequest.parse(ctx.bodyAsBytes());
      Webhook old = existing.get();
      Instant now = hub.now();
      Webhook changed =
          new Webhook(
              old.id(),
              request.name().orElse(old.name()),
              request.event().orElse(old.event()),
              request.endpointUrl().orElse(old.endpointUrl()),
              request.secretKey().orElse(old.secretKey()),
              request.errorRecipientEmail().orElse(old.errorRecipientEmail()),
              true,
              old.createdAt(),
              now,
              request.advanced(old.advanced()));
      Webhook saved = hub.save(changed, !request.active().orElse(true));
      AdminJson.send(ctx, 200, view(saved));
    } catch (InvalidRequest e) {
      AdminJson.invalid(ctx, e);
    }
  }

  /**
   * {@code DELETE /sandbox/webhooks/{id}}: 204; the webhook stops receiving and its waiting retries
   * are cancelled.
   */
  void delete(Context ctx) {
    Optional<Long> id = parseId(ctx.pathParam("id"));
    if (id.isEmpty() || !hub.remove(id.get())) {
      AdminJson.notFound(ctx);
      return;
    }
    ctx.status(204);
  }

  /**
   * {@code GET /sandbox/deliveries}: the delivery log, newest first, filtered by {@code
   * webhook_id}, {@code action}, {@code status} (pending, delivered, failed, cancelled) and {@code
   * event_id}; {@code limit} (default 100).
   */
  void deliveries(Context ctx) {
    List<Predicate<Delivery>> filters = new ArrayList<>();
    Optional.ofNullable(ctx.queryParam("webhook_id"))
        .ifPresent(v -> filters.add(d -> String.valueOf(d.webhook().id()).equals(v)));
    Optional.ofNullable(ctx.queryParam("action"))
        .ifPresent(v -> filters.add(d -> d.action().equals(v)));
    Optional.ofNullable(ctx.queryParam("status"))
        .ifPresent(v -> filters.add(d -> AdminJson.status(d.state()).equals(v)));
    Optional.ofNullable(ctx.queryParam("event_id"))
        .ifPresent(v -> filters.add(d -> d.eventId().equals(v)));
    int limit =
        Optional.ofNullable(ctx.queryParam("limit")).flatMap(WebhookAdmin::parseInt).orElse(100);
    List<Delivery> found = hub.deliveryLog().find(d -> filters.stream().allMatch(f -> f.test(d)));
    ArrayNode array = AdminJson.JSON.createArrayNode();
    for (int i = found.size() - 1; i >= 0 && array.size() < limit; i--) {
      array.add(AdminJson.delivery(found.get(i)));
    }
    AdminJson.send(ctx, 200, array);
  }

  /** {@code GET /sandbox/notices}: the failure e-mails Greenhouse would have sent, oldest first. */
  void notices(Context ctx) {
    ArrayNode array = AdminJson.JSON.createArrayNode();
    hub.deliveryLog().notices().forEach(n -> array.add(AdminJson.notice(n)));
    AdminJson.send(ctx, 200, array);
  }

  /** {@code POST /sandbox/deliveries/retry}: runs every waiting retry now; answers 202. */
  void retryNow(Context ctx) {
    hub.retryPendingNow();
    AdminJson.send(ctx, 202, AdminJson.JSON.createObjectNode().put("message", "retries started"));
  }

  private ObjectNode view(Webhook hook) {
    return AdminJson.webhook(hook, hub.deliveriesOf(hook.id()));
  }

  private static Optional<Long> parseId(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> parseInt(String text) {
    try {
      return Optional.of(Integer.parseInt(text)).filter(i -> i > 0);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
