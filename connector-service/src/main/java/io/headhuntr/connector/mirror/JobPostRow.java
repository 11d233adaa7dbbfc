package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A job post; {@code jobId} is NULL for a prospect post. {@code location} is what Greenhouse sent
 * (Harvest: an object, webhooks: a string), or a {@link
 * com.fasterxml.jackson.databind.node.MissingNode} when the source does not carry it (the stored
 * value is then kept).
 */
public record JobPostRow(
    long id,
    Long jobId,
    String title,
    JsonNode location,
    String content,
    String internalContent,
    Boolean external,
    Boolean internal,
    Boolean live,
    JsonNode questions,
    Instant updatedAt,
    Instant version,
    Instant deletedAt) {}
