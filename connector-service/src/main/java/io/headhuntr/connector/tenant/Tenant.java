package io.headhuntr.connector.tenant;

import java.time.Instant;
import java.util.UUID;

/** A customer organization with its own Greenhouse account. */
public record Tenant(
    UUID tenantId,
    String name,
    String errorRecipientEmail,
    TenantState state,
    String publicBaseUrl,
    Instant createdAt,
    Instant updatedAt) {}
