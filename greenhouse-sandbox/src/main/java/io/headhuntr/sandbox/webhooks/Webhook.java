package io.headhuntr.sandbox.webhooks;

import java.net.URI;
import java.time.Instant;

/**
 * One configured webhook, as the customer saved it in Configure > Dev Center > Web Hooks;
 * immutable, replaced on update. Its {@code toString} never shows the secret key.
 */
public record Webhook(
    long id,
    String name,
    WebhookEvent event,
    URI endpointUrl,
    String secretKey,
    String errorRecipientEmail,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    AdvancedSettings advanced) {

  Webhook withActive(boolean newActive, Instant at) {
    return new Webhook(
        id,
        name,
        event,
        endpointUrl,
        secretKey,
        errorRecipientEmail,
        newActive,
        createdAt,
        at,
        advanced);
  }

  @Override
  public String toString() {
    return "Webhook[id="
        + id
        + ", name="
        + name
        + ", when="
        + event.label()
        + ", endpointUrl="
        + endpointUrl
        + ", active="
        + active
        + "]";
  }
}
