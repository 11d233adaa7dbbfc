package io.headhuntr.connector.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * What the customer types into Greenhouse's Dev Center (one endpoint URL, one secret, 14 webhooks)
 * and how far each webhook has got. {@code registration} says who makes the webhooks: the customer
 * by hand ({@code manual}), or the connector itself ({@code automatic}, a Harvest v3 partner
 * connection), in which case {@code lastRegistration} says what its last run did and {@code
 * greenhouseCheckedAt} when Greenhouse's state of the webhooks was last read.
 */
public record WebhookSetup(
    WebhookRegistration registration,
    String registrationNote,
    String endpointUrl,
    String secretKey,
    Instant secretRotatedAt,
    Instant previousSecretValidUntil,
    Instant lastRejectedDeliveryAt,
    LastRegistration lastRegistration,
    Instant greenhouseCheckedAt,
    List<Entry> webhooks,
    List<String> warnings) {

  /**
   * One of the 14 webhooks with its state; {@code greenhouseName} and {@code greenhouseWebHookId}
   * are what the last ping said about the webhook as saved in Greenhouse (or, for an automatic
   * tenant, the id Greenhouse gave it); {@code deliveries} counts every delivery so far, {@code
   * deliveriesLastHour} those of the last hour. For an automatic tenant {@code deactivated} and
   * {@code greenhouseLastDelivered} are Greenhouse's own fields (null when it holds no such
   * webhook, and always for a manual tenant).
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
      String failureMessage,
      Boolean deactivated,
      Instant greenhouseLastDelivered) {}

  /**
   * The connector's last registration run: what started it ({@code connected}, {@code requested},
   * {@code secret_rotated}), how many webhooks it created, saved again or kept as they were, and
   * what it could not do ({@code problem}, null when it did everything).
   */
  public record LastRegistration(
      String trigger, Instant attemptedAt, int created, int updated, int kept, String problem) {}
}
