package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A job with its departments, offices, hiring team and openings (JSON lists as Greenhouse sends
 * them).
 */
public record JobRow(
    long id,
    String name,
    String requisitionId,
    String notes,
    Boolean confidential,
    String status,
    Long jobPostId,
    Long createdById,
    Instant createdAt,
    Instant openedAt,
    Instant closedAt,
    JsonNode departments,
    JsonNode offices,
    JsonNode hiringTeam,
    JsonNode openings,
    JsonNode customFields,
    JsonNode approval,
    Instant updatedAt,
    Instant version,
    Instant deletedAt) {}
