package io.headhuntr.connector.webhooks;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the receiver hands every delivery whose signature matched, before answering 200: the
 * durable inbox of the intake. It must commit before returning, or throw.
 */
@FunctionalInterface
public interface VerifiedDeliveries {

  /** Keeps nothing: the receiver only records pings and last deliveries. */
  VerifiedDeliveries NONE = (tenantId, eventId, rawBody, body, receivedAt) -> true;

  /**
   * Stores one verified delivery; false when it was a duplicate already stored. {@code body} is
   * what the receiver already read of {@code rawBody} (its action, or why it has none).
   */
  boolean accept(
      UUID tenantId,
      Optional<String> eventId,
      byte[] rawBody,
      DeliveryBody body,
      Instant receivedAt);
}
