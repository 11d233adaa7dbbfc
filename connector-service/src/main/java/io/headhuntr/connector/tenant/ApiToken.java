package io.headhuntr.connector.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant API token as listed: never the secret, only its last four characters. {@code
 * canCreateTokens}: whether it may create further tokens for its tenant.
 */
public record ApiToken(
    UUID tokenId,
    UUID tenantId,
    String name,
    String last4,
    boolean canCreateTokens,
    Instant createdAt,
    Instant revokedAt) {}
