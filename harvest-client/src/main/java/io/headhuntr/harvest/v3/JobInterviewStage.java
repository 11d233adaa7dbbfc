package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One interview stage of a job's pipeline ({@code GET /v3/job_interview_stages}), in {@code
 * sortOrder}.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobInterviewStage(
    long id,
    Long jobId,
    String name,
    Integer sortOrder,
    Boolean active,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public JobInterviewStage {
    extras = Nulls.map(extras);
  }
}
