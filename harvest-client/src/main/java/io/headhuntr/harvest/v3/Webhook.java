package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A webhook registration ({@code GET /v3/webhooks}, partners only); never carries its secret. A
 * failed save-time ping leaves it {@code deactivated}.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Webhook(
    long id,
    String name,
    String endpointUrl,
    String eventActionType,
    Integer maxAttempts,
    boolean deactivated,
    Instant lastDelivered,
    String errorRecipientEmail,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public Webhook {
    extras = Nulls.map(extras);
  }
}
