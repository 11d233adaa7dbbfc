package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job ({@code GET /v3/jobs}); {@code status} is {@code open}, {@code closed} or {@code draft}.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Job(
    long id,
    String name,
    String requisitionId,
    String status,
    Boolean confidential,
    Long departmentId,
    List<Long> officeIds,
    Instant openedAt,
    Instant closedAt,
    String notes,
    Map<String, JsonNode> customFields,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public Job {
    officeIds = Nulls.list(officeIds);
    customFields = Nulls.map(customFields);
    extras = Nulls.map(extras);
  }
}
