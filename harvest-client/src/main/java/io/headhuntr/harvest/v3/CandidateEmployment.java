package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One employment of a candidate ({@code GET /v3/candidate_employments}).
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CandidateEmployment(
    long id,
    Long candidateId,
    String companyName,
    String title,
    LocalDate startOn,
    LocalDate endOn,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public CandidateEmployment {
    extras = Nulls.map(extras);
  }
}
