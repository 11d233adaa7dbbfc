package io.headhuntr.connector.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An outcome as the feed returns it; {@code cursor} is what to pass as {@code after} to continue.
 */
public record OutcomeEvent(
    String cursor,
    String type,
    Long candidateId,
    Long applicationId,
    Long jobId,
    Long jobPostId,
    Instant occurredAt,
    JsonNode data,
    Instant createdAt) {}
