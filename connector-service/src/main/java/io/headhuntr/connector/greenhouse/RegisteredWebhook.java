package io.headhuntr.connector.greenhouse;

import java.time.Instant;
import java.util.Optional;

/**
 * A webhook as Greenhouse keeps it for a connection that registers its own (never its secret):
 * {@code deactivated} when its save-time ping failed or someone turned it off; {@code
 * lastDelivered} when an event last reached its endpoint.
 */
public record RegisteredWebhook(
    long id,
    String name,
    String endpointUrl,
    String action,
    boolean deactivated,
    Optional<Instant> lastDelivered) {}
