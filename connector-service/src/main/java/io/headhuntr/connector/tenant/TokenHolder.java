package io.headhuntr.connector.tenant;

import java.util.UUID;

/** Who presented a live tenant token: its tenant, the token, and the token's rights. */
public record TokenHolder(UUID tenantId, UUID tokenId, boolean canCreateTokens) {}
