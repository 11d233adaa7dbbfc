package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A job post; {@code jobId} is NULL for a prospect post. */
public record JobPostRow(
    long id,
    Long jobId,
    String title,
    String location,
    String content,
    String internalContent,
    Boolean external,
    Boolean internal,
    Boolean live,
    JsonNode questions,
    Instant updatedAt,
    Instant version,
    Instant deletedAt) {}
