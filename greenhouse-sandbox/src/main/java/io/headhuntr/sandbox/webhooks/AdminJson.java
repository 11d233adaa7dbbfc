package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * JSON views of webhooks, deliveries and notices for the admin routes; secret keys are never shown.
 */
final class AdminJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private AdminJson() {}

  static ObjectNode webhook(Webhook hook, List<Delivery> itsDeliveries) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", hook.id());
    node.put("name", hook.name());
    node.put("when", hook.event().label());
    node.put("action", hook.event().action());
    node.put("endpoint_url", hook.endpointUrl().toString());
    node.put("secret_key", "********");
    node.put("error_recipient_email", hook.errorRecipientEmail());
    node.put("active", hook.active());
    AdvancedSettings advanced = hook.advanced();
    advanced
        .basicAuthUsername()
        .ifPresentOrElse(
            u -> node.put("basic_auth_username", u), () -> node.putNull("basic_auth_username"));
    if (advanced.basicAuthPassword().isPresent()) {
      node.put("basic_auth_password", "********");
    } else {
      node.putNull("basic_auth_password");
    }
    ObjectNode headers = node.putObject("additional_headers");
    advanced.additionalHeaders().forEach(headers::put);
    node.put("created_at", time(hook.createdAt()));
    node.put("updated_at", time(hook.updatedAt()));
    Delivery last = null;
    int failed = 0;
    int pending = 0;
    int failedAttempts = 0;
    for (Delivery d : itsDeliveries) {
      if (!d.attempts().isEmpty()) {
        last = d;
      }
      failed += d.state() == Delivery.State.FAILED ? 1 : 0;
      pending += d.state() == Delivery.State.PENDING ? 1 : 0;
      failedAttempts += (int) d.attempts().stream().filter(a -> !a.succeeded()).count();
    }
    if (last == null) {
      node.putNull("last_delivery");
    } else {
      DeliveryAttempt attempt = last.attempts().get(last.attempts().size() - 1);
      ObjectNode lastNode = node.putObject("last_delivery");
      lastNode.put("delivery_id", last.id());
      lastNode.put("action", last.action());
      lastNode.put("status", status(last.state()));
      lastNode.put("at", time(attempt.at()));
      putStatusCode(lastNode, attempt);
    }
    node.put("deliveries", itsDeliveries.size());
    node.put("failed_deliveries", failed);
    node.put("pending_deliveries", pending);
    node.put("failed_attempts", failedAttempts);
    return node;
  }

  static ObjectNode delivery(Delivery d) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", d.id());
    node.put("webhook_id", d.webhook().id());
    node.put("webhook_name", d.webhook().name());
    node.put("action", d.action());
    node.put("event_id", d.eventId());
    node.put("endpoint_url", d.webhook().endpointUrl().toString());
    node.put("status", status(d.state()));
    node.put("created_at", time(d.createdAt()));
    ArrayNode attempts = node.putArray("attempts");
    for (DeliveryAttempt a : d.attempts()) {
      ObjectNode an = attempts.addObject();
      an.put("number", a.number());
      an.put("at", time(a.at()));
      putStatusCode(an, a);
      a.error().ifPresentOrElse(e -> an.put("error", e), () -> an.putNull("error"));
      an.put("duration_ms", a.took().toMillis());
      a.retryIn()
          .ifPresentOrElse(
              r -> an.put("retry_in_minutes", r.toMinutes()), () -> an.putNull("retry_in_minutes"));
    }
    d.nextAttemptAt()
        .filter(x -> d.state() == Delivery.State.PENDING)
        .ifPresentOrElse(
            t -> node.put("next_attempt_at", time(t)), () -> node.putNull("next_attempt_at"));
    node.put("signature", d.signature());
    node.put("body", new String(d.body(), StandardCharsets.US_ASCII));
    return node;
  }

  static ObjectNode notice(FailureNotice n) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", n.id());
    node.put("at", time(n.at()));
    node.put("recipient", n.recipient());
    node.put("webhook_id", n.webhookId());
    node.put("webhook_name", n.webhookName());
    node.put("action", n.action());
    node.put("event_id", n.eventId());
    node.put("reason", n.reason());
    return node;
  }

  static String status(Delivery.State state) {
    return switch (state) {
      case PENDING -> "pending";
      case DELIVERED -> "delivered";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
    };
  }

  /** Greenhouse's webhook timestamp form: UTC, whole seconds, {@code Z}. */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static void invalid(Context ctx, InvalidRequest e) {
    ObjectNode body = JSON.createObjectNode();
    body.put("message", "Validation error");
    ObjectNode error = body.putArray("errors").addObject();
    error.put("message", e.getMessage());
    error.put("field", e.field());
    send(ctx, 422, body);
  }

  static void notFound(Context ctx) {
    send(ctx, 404, JSON.createObjectNode().put("message", "Resource not found"));
  }

  private static void putStatusCode(ObjectNode node, DeliveryAttempt attempt) {
    attempt
        .statusCode()
        .ifPresentOrElse(s -> node.put("status_code", s), () -> node.putNull("status_code"));
  }
}
