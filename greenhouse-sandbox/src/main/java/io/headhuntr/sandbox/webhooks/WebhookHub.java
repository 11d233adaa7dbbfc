package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

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
  private final WebhookAdmin admin = new WebhookAdmin(this);

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

  /**
   * Saves a webhook built by a caller (a partner's {@code POST /v3/webhooks}): pinged and active
   * only if the ping succeeds, or stored inactive without a ping when {@code deactivated}.
   */
  public Webhook register(
      String name,
      WebhookEvent event,
      URI endpointUrl,
      String secretKey,
      String errorRecipientEmail,
      AdvancedSettings advanced,
      int maxAttempts,
      boolean deactivated) {
    Instant now = config.clock().instant();
    Webhook hook =
        new Webhook(
            webhookIds.getAndIncrement(),
            name,
            event,
            endpointUrl,
            secretKey,
            errorRecipientEmail,
            !deactivated,
            now,
            now,
            advanced,
            maxAttempts);
    return deactivated ? store(hook) : saveAndPing(hook);
  }

  /**
   * Saves a changed version of a webhook (same id): pinged unless {@code deactivate}, active only
   * if that ping succeeds.
   */
  public Webhook replace(Webhook changed, boolean deactivate) {
    return save(changed, deactivate);
  }

  /** Removes a webhook and cancels its waiting retries; false when there was none. */
  public boolean unregister(long id) {
    return remove(id);
  }

  /** When a delivery (not a ping) last reached the webhook's endpoint, if ever. */
  public Optional<Instant> lastDelivered(long webhookId) {
    Instant last = null;
    for (Delivery d : deliveriesOf(webhookId)) {
      if (d.action().equals("ping") || d.state() != Delivery.State.DELIVERED) {
        continue;
      }
      for (DeliveryAttempt attempt : d.attempts()) {
        if (attempt.succeeded() && (last == null || attempt.at().isAfter(last))) {
          last = attempt.at();
        }
      }
    }
    return Optional.ofNullable(last);
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
   * {@code POST /sandbox/webhooks} {@code {"name", "when", "endpoint_url", "secret_key",
   * "error_recipient_email"}} (plus the optional advanced settings): 201 with the webhook after its
   * ping, or 422 naming the field.
   */
  public void create(Context ctx) {
    admin.create(ctx);
  }

  /** {@code GET /sandbox/webhooks}: every webhook with its status; secrets masked. */
  public void list(Context ctx) {
    admin.list(ctx);
  }

  /**
   * {@code PATCH /sandbox/webhooks/{id}}: changes any of the create fields and {@code active}; like
   * Greenhouse, saving pings again and the webhook is active only if that ping succeeds; {@code
   * "active": false} disables it without a ping.
   */
  public void update(Context ctx) {
    admin.update(ctx);
  }

  /**
   * {@code DELETE /sandbox/webhooks/{id}}: 204; the webhook stops receiving and its waiting retries
   * are cancelled.
   */
  public void delete(Context ctx) {
    admin.delete(ctx);
  }

  /**
   * {@code GET /sandbox/deliveries}: the delivery log, newest first, filtered by {@code
   * webhook_id}, {@code action}, {@code status} (pending, delivered, failed, cancelled) and {@code
   * event_id}; {@code limit} (default 100).
   */
  public void deliveries(Context ctx) {
    admin.deliveries(ctx);
  }

  /** {@code GET /sandbox/notices}: the failure e-mails Greenhouse would have sent, oldest first. */
  public void notices(Context ctx) {
    admin.notices(ctx);
  }

  /** {@code POST /sandbox/deliveries/retry}: runs every waiting retry now; answers 202. */
  public void retryNow(Context ctx) {
    admin.retryNow(ctx);
  }

  /**
   * Saves a changed webhook: pinged unless {@code disable}; one left inactive has its waiting
   * retries cancelled.
   */
  Webhook save(Webhook changed, boolean disable) {
    Webhook saved =
        disable ? store(changed.withActive(false, changed.updatedAt())) : saveAndPing(changed);
    if (!saved.active()) {
      engine.cancelWaiting(saved.id());
    }
    return saved;
  }

  /** Removes a webhook and cancels its waiting retries; false when there was none. */
  boolean remove(long id) {
    if (webhooks.remove(id) == null) {
      return false;
    }
    engine.cancelWaiting(id);
    return true;
  }

  List<Delivery> deliveriesOf(long webhookId) {
    return deliveryLog.find(d -> d.webhook().id() == webhookId);
  }

  DeliveryLog deliveryLog() {
    return deliveryLog;
  }

  Instant now() {
    return config.clock().instant();
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
}
