package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * The sandbox's webhooks: a registry managed through {@code /sandbox/webhooks}, and signed deliveries with
 * Greenhouse's retry schedule, logged for {@code /sandbox/deliveries}.
 */
public final class WebhookHub implements AutoCloseable {

  private final WebhookHubConfig config;

  public WebhookHub(WebhookHubConfig config) {
    this.config = config;
  }

  /**
   * Returns at once; delivers {@code {"action": action, "payload": payload}} to every active webhook whose
   * "when" maps to {@code action}.
   */
  public void publish(String action, ObjectNode payload) {}

  /** {@code POST /sandbox/webhooks}. */
  public void create(Context ctx) {}

  /** {@code GET /sandbox/webhooks}. */
  public void list(Context ctx) {}

  /** {@code PATCH /sandbox/webhooks/{id}}. */
  public void update(Context ctx) {}

  /** {@code GET /sandbox/deliveries}. */
  public void deliveries(Context ctx) {}

  /** {@code GET /sandbox/notices}: failure notices for the error recipients. */
  public void notices(Context ctx) {}

  @Override
  public void close() {}
}
