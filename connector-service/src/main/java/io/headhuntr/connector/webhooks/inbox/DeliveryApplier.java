package io.headhuntr.connector.webhooks.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Applies one stored delivery inside the worker's transaction and says what it did; {@code
 * WebhookApplier::apply} in the service. Throwing {@code UnusablePayloadException} parks the row at
 * once; any other exception retries it.
 */
@FunctionalInterface
public interface DeliveryApplier {
  String apply(Handle handle, UUID tenantId, byte[] rawBody, Instant receivedAt, Instant now);
}
