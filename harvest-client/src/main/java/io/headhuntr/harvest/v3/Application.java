package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A candidate or prospect application ({@code GET /v3/applications}); {@code status} is {@code
 * in_process}, {@code rejected}, {@code hired} or {@code converted}, and a prospect has no {@code
 * jobId}. Its current stage is an {@link ApplicationStage}.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Application(
    long id,
    Long candidateId,
    boolean prospect,
    Long jobId,
    List<Long> prospectiveJobIds,
    Long jobPostId,
    String status,
    Long sourceId,
    Long referrerId,
    Long recruiterId,
    Long coordinatorId,
    Long prospectPoolId,
    Long prospectPoolStageId,
    Long prospectOwnerId,
    Long prospectiveDepartmentId,
    Long prospectiveOfficeId,
    Instant rejectedAt,
    Instant hiredAt,
    Map<String, JsonNode> customFields,
    Instant createdAt,
    Instant updatedAt,
    Instant lastActivityAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public Application {
    prospectiveJobIds = Nulls.list(prospectiveJobIds);
    customFields = Nulls.map(customFields);
    extras = Nulls.map(extras);
  }
}
