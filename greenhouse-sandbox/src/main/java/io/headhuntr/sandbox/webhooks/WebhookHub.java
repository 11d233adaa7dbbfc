package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The sandbox's webhooks: a registry managed through {@code /sandbox/webhooks} (each save pings the
 * endpoint; a failed ping leaves the webhook inactive), and signed deliveries with Greenhouse's
 * retry schedule, logged for {@code /sandbox/deliveries}, with failure notices for {@code
 * /sandbox/notices}.
 *
 * <p>Beyond the agreed handlers: {@link #register}, {@link #webhooks()}, {@link #deliveries()},
 * {@link #notices()} for tests and {@link #retryPendingNow()} (also as the handler {@link
 * #retryNow}) to run every waiting retry at once.
 */
public final class WebhookHub implements AutoCloseable {

  private static final long FIRST_WEBHOOK_ID = 4_100_000_001L;

  private final WebhookHubConfig config;
  private final DeliveryLog deliveryLog = new DeliveryLog(10_000);
  private final DeliveryEngine engine;
  private final Map<Long, Webhook> webhooks = new ConcurrentSkipListMap<>();
  private final AtomicLong webhookIds = new AtomicLong(FIRST_WEBHOOK_ID);
  private final AtomicLong deliveryIds = new AtomicLong(1);

  public WebhookHub(WebhookHubConfig config) {
    this.config = config;
    this.engine =
        new DeliveryEngine(
            config,
            RetrySchedule.GREENHOUSE,
            deliveryLog,
            id -> webhook(id).map(Webhook::active).orElse(false));
  }

  /**
   * Returns at once; delivers {@code {"action": action, "payload": payload}} to every active
   * webhook whose "when" maps to {@code action}, each with its own {@code Greenhouse-Event-ID};
   * concurrent, in no promised order.
   *
   * <p>As documented, a {@code merge_candidate} with no active "Merged Candidate" webhook reaches
   * the "Delete Candidate" webhooks as {@code delete_candidate} (the person without {@code
   * new_candidate_id}, with an empty {@code deleted_application_ids}: the applications moved).
   */
  public void publish(String action, ObjectNode payload) {
    if (action.equals("merge_candidate") && !hasActiveWebhookFor(action)) {
      ObjectNode person =
          payload.path("person").isObject() ? (ObjectNode) payload.get("person").deepCopy() : null;
      if (person != null) {
        person.remove("new_candidate_id");
        person.putArray("deleted_application_ids");
        ObjectNode asDelete = AdminJson.JSON.createObjectNode();
        asDelete.set("person", person);
        send("delete_candidate", asDelete);
      }
      return;
    }
    send(action, payload);
  }

  /** Whether any active webhook receives {@code action}. */
  public boolean hasActiveWebhookFor(String action) {
    return webhooks.values().stream()
        .anyMatch(hook -> hook.active() && hook.event().action().equals(action));
  }

  private void send(String action, ObjectNode payload) {
    ObjectNode envelope = AdminJson.JSON.createObjectNode();
    envelope.put("action", action);
    envelope.set("payload", payload);
    byte[] body = GreenhouseJson.write(envelope);
    for (Webhook hook : webhooks.values()) {
      if (hook.active() && hook.event().action().equals(action)) {
        Delivery delivery = newDelivery(hook, action, body);
        engine.start(delivery);
      }
    }
  }

  /**
   * Saves a new webhook and pings it at once (WEBHOOKS.md section 4); it stays inactive when the
   * ping fails.
   *
   * @throws InvalidRequest naming the field, for an unknown "When" label or a bad URL
   */
  public Webhook register(
      String name, String when, URI endpointUrl, String secretKey, String errorRecipientEmail) {
    return register(name, when, endpointUrl, secretKey, errorRecipientEmail, AdvancedSettings.NONE);
  }

  /** {@link #register(String, String, URI, String, String)} with advanced settings. */
  public Webhook register(
      String name,
      String when,
      URI endpointUrl,
      String secretKey,
      String errorRecipientEmail,
      AdvancedSettings advanced) {
    WebhookEvent event =
        WebhookEvent.ofLabel(when)
            .orElseThrow(() -> new InvalidRequest("when", "unknown When label '" + when + "'"));
    Instant now = config.clock().instant();
    Webhook hook =
        new Webhook(
            webhookIds.getAndIncrement(),
            name,
            event,
            endpointUrl,
            secretKey,
            errorRecipientEmail,
            true,
            now,
            now,
            advanced);
    return saveAndPing(hook);
  }

  /** Every webhook, oldest first. */
  public List<Webhook> webhooks() {
    return List.copyOf(webhooks.values());
  }

  public Optional<Webhook> webhook(long id) {
    return Optional.ofNullable(webhooks.get(id));
  }

  /** Every logged delivery (pings included), oldest first. */
  public List<Delivery> deliveries() {
    return deliveryLog.find(d -> true);
  }

  /** The failure notices recorded for error recipients, oldest first. */
  public List<FailureNotice> notices() {
    return deliveryLog.notices();
  }

  /** Runs every waiting retry now instead of at its scheduled time. */
  public void retryPendingNow() {
    engine.retryPendingNow();
  }

  /**
   * {@code POST /sandbox/webhooks} {@code
   * {"name","when","endpoint_url","secret_key","error_recipient_email"}}.
   */
  public void create(Context ctx) {
    try {
      WebhookRequest request = WebhookRequest.parse(ctx.bodyAsBytes()).requireAllForCreate();
      if (request.active().isPresent()) {
        throw new InvalidRequest(
            "active", "a new webhook is active when its ping succeeds; use PATCH");
      }
      Webhook hook =
          register(
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
  public void list(Context ctx) {
    ArrayNode array = AdminJson.JSON.createArrayNode();
    webhooks.values().forEach(hook -> array.add(view(hook)));
    AdminJson.send(ctx, 200, array);
  }

  /**
   * {@code PATCH /sandbox/webhooks/{id}}: changes any of the create fields and {@code active}; like
   * Greenhouse, saving pings again and the webhook is active only if that ping succeeds; {@code
   * "active": false} disables it without a ping.
   */
  public void update(Context ctx) {
    Optional<Webhook> existing = parseId(ctx.pathParam("id")).flatMap(this::webhook);
    if (existing.isEmpty()) {
      AdminJson.notFound(ctx);
      return;
    }
    try {
      WebhookRequest request = WebhookRequest.parse(ctx.bodyAsBytes());
      Webhook old = existing.get();
      Instant now = config.clock().instant();
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
      Webhook saved =
          request.active().orElse(true)
              ? saveAndPing(changed)
              : store(changed.withActive(false, now));
      if (!saved.active()) {
        engine.cancelWaiting(saved.id());
      }
      AdminJson.send(ctx, 200, view(saved));
    } catch (InvalidRequest e) {
      AdminJson.invalid(ctx, e);
    }
  }

  /**
   * {@code DELETE /sandbox/webhooks/{id}}: 204; the webhook stops receiving and its waiting retries
   * are cancelled.
   */
  public void delete(Context ctx) {
    Optional<Long> id = parseId(ctx.pathParam("id"));
    if (id.isEmpty() || webhooks.remove(id.get()) == null) {
      AdminJson.notFound(ctx);
      return;
    }
    engine.cancelWaiting(id.get());
    ctx.status(204);
  }

  /**
   * {@code GET /sandbox/deliveries}: the delivery log, newest first, filtered by {@code
   * webhook_id}, {@code action}, {@code status} (pending, delivered, failed, cancelled) and {@code
   * event_id}; {@code limit} (default 100).
   */
  public void deliveries(Context ctx) {
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
        Optional.ofNullable(ctx.queryParam("limit")).flatMap(WebhookHub::parseInt).orElse(100);
    List<Delivery> found = deliveryLog.find(d -> filters.stream().allMatch(f -> f.test(d)));
    ArrayNode array = AdminJson.JSON.createArrayNode();
    for (int i = found.size() - 1; i >= 0 && array.size() < limit; i--) {
      array.add(AdminJson.delivery(found.get(i)));
    }
    AdminJson.send(ctx, 200, array);
  }

  /** {@code GET /sandbox/notices}: the failure e-mails Greenhouse would have sent, oldest first. */
  public void notices(Context ctx) {
    ArrayNode array = AdminJson.JSON.createArrayNode();
    deliveryLog.notices().forEach(n -> array.add(AdminJson.notice(n)));
    AdminJson.send(ctx, 200, array);
  }

  /** {@code POST /sandbox/deliveries/retry}: runs every waiting retry now; answers 202. */
  public void retryNow(Context ctx) {
    retryPendingNow();
    AdminJson.send(ctx, 202, AdminJson.JSON.createObjectNode().put("message", "retries started"));
  }

  @Override
  public void close() {
    engine.close();
  }

  /**
   * Pings the webhook and saves it, active only if the ping got a 200; a new webhook is stored
   * inactive during its ping, an updated one keeps its previous version until the ping is answered.
   */
  private Webhook saveAndPing(Webhook hook) {
    webhooks.putIfAbsent(hook.id(), hook.withActive(false, hook.updatedAt()));
    Delivery ping = newDelivery(hook, "ping", pingBody(hook));
    DeliveryAttempt attempt = engine.attemptOnce(ping).join();
    if (attempt.succeeded()) {
      return store(hook);
    }
    engine.notifyRecipient(
        ping,
        "the ping failed (" + attempt.error().orElse("?") + "); the web hook was saved disabled");
    return store(hook.withActive(false, hook.updatedAt()));
  }

  private Webhook store(Webhook hook) {
    webhooks.put(hook.id(), hook);
    return hook;
  }

  private Delivery newDelivery(Webhook hook, String action, byte[] body) {
    Delivery delivery =
        new Delivery(
            deliveryIds.getAndIncrement(),
            hook,
            action,
            UUID.randomUUID().toString(),
            body,
            config.clock().instant());
    deliveryLog.add(delivery);
    return delivery;
  }

  /**
   * The ping as in WEBHOOKS.md section 4 (captured fixture): {@code payload} first, then {@code
   * action}.
   */
  private static byte[] pingBody(Webhook hook) {
    ObjectNode envelope = AdminJson.JSON.createObjectNode();
    ObjectNode payload = envelope.putObject("payload");
    payload.put("active", true);
    payload.put("created_at", AdminJson.time(hook.createdAt()));
    payload.put("web_hook_id", hook.id());
    payload.put("name", hook.name());
    payload.put("endpoint_url", hook.endpointUrl().toString());
    payload.put("content-type", "application/json");
    payload.put("updated_at", AdminJson.time(hook.updatedAt()));
    payload.put("event", hook.event().label());
    envelope.put("action", "ping");
    return GreenhouseJson.write(envelope);
  }

  private ObjectNode view(Webhook hook) {
    return AdminJson.webhook(hook, deliveryLog.find(d -> d.webhook().id() == hook.id()));
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
