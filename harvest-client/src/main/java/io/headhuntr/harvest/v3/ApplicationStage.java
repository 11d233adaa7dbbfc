package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One stage an application has been in ({@code GET /v3/application_stages}); the current one has no
 * {@code exitedAt}.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationStage(
    long id,
    Long applicationId,
    Long jobInterviewStageId,
    Instant enteredAt,
    Instant exitedAt,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public ApplicationStage {
    extras = Nulls.map(extras);
  }

  /**
   * Whether the application is in this stage now (no {@code exited_at}); only meaningful for a
   * non-prospect application.
   */
  public boolean isCurrent() {
    return exitedAt == null;
  }
}
