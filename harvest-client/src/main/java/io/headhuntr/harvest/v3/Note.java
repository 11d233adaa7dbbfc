package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A note on a candidate or application ({@code GET /v3/notes}); {@code visibility} is {@code
 * admin_only}, {@code private} or {@code public}, {@code noteType} {@code NOTE}, {@code ACTIVITY}
 * or {@code EMAIL}.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Note(
    long id,
    Long candidateId,
    Long applicationId,
    Long userId,
    String body,
    String visibility,
    String noteType,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public Note {
    extras = Nulls.map(extras);
  }
}
