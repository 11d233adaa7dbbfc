package io.headhuntr.connector.webhooks.inbox;

import io.headhuntr.connector.events.NewEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Applies one stored delivery inside the worker's transaction, adds its outcome events to {@code
 * events} and says what it did; {@code WebhookApplier::apply} in the service. Throwing {@code
 * UnusablePayloadException} parks the row at once; any other exception retries it.
 */
@FunctionalInterface
public interface DeliveryApplier {
  String apply(
      Handle handle, UUID tenantId, byte[] rawBody, Instant receivedAt, List<NewEvent> events);
}
