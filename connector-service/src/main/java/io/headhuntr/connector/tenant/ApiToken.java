package io.headhuntr.connector.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant API token as listed: never the secret, only its last four characters. */
public record ApiToken(
    UUID tokenId, UUID tenantId, String name, String last4, Instant createdAt, Instant revokedAt) {}
