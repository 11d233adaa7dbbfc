package io.headhuntr.sandbox.webhooks;

import java.net.URI;
import java.time.Instant;

/**
 * One configured webhook, as the customer saved it in Configure > Dev Center > Web Hooks or a
 * partner registered it through Harvest v3; immutable, replaced on update. {@code maxAttempts} caps
 * the attempts of one delivery (0: Greenhouse's whole schedule). Its {@code toString} never shows
 * the secret key.
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
    AdvancedSettings advanced,
    int maxAttempts) {

  /** A webhook retried on Greenhouse's whole schedule. */
  public Webhook(
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
    this(
        id,
        name,
        event,
        endpointUrl,
        secretKey,
        errorRecipientEmail,
        active,
        createdAt,
        updatedAt,
        advanced,
        0);
  }

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
        advanced,
        maxAttempts);
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
