package io.headhuntr.harvest;

import java.time.Instant;

/** A job opening. */
public record Opening(
    long id,
    String openingId,
    String status,
    Instant openedAt,
    Instant closedAt,
    Long applicationId,
    NamedRef closeReason) {}
