package io.headhuntr.connector.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Objects;

/**
 * An outcome about to be appended to the feed: its type ({@code stage_changed}, {@code hired},
 * ...), the Greenhouse ids it is about, when it happened in Greenhouse if known, and details.
 */
public record NewEvent(
    String type,
    Long candidateId,
    Long applicationId,
    Long jobId,
    Long jobPostId,
    Instant occurredAt,
    JsonNode data) {

  public NewEvent {
    Objects.requireNonNull(type, "type");
    data = data == null ? JsonNodeFactory.instance.objectNode() : data;
  }
}
