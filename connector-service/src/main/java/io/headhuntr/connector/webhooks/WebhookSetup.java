package io.headhuntr.connector.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * What the customer types into Greenhouse's Dev Center (one endpoint URL, one secret, 14 webhooks)
 * and how far each webhook has got.
 */
public record WebhookSetup(
    String endpointUrl,
    String secretKey,
    Instant secretRotatedAt,
    Instant previousSecretValidUntil,
    Instant lastRejectedDeliveryAt,
    List<Entry> webhooks,
    List<String> warnings) {

  /**
   * One of the 14 webhooks with its state; {@code greenhouseName} and {@code greenhouseWebHookId}
   * are what the last ping said about the webhook as saved in Greenhouse; {@code deliveries} counts
   * every delivery so far, {@code deliveriesLastHour} those of the last hour.
   */
  public record Entry(
      String name,
      String when,
      String action,
      String endpointUrl,
      String errorRecipientEmail,
      WebhookStatus status,
      Instant pingedAt,
      String greenhouseName,
      Long greenhouseWebHookId,
      Instant lastDeliveryAt,
      long deliveries,
      long deliveriesLastHour,
      Instant lastFailureAt,
      String failureMessage) {}
}
