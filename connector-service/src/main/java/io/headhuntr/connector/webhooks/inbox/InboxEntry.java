package io.headhuntr.connector.webhooks.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored delivery as operators see it (the raw body stays in the database: it holds personal
 * data). {@code state} is ready, running, done, ignored or parked.
 */
public record InboxEntry(
    UUID tenantId,
    long inboxId,
    String eventId,
    String action,
    Instant receivedAt,
    String state,
    int attempts,
    Instant runAt,
    String outcome,
    String parkReason,
    String lastError,
    Instant finishedAt,
    int bodyBytes) {}
