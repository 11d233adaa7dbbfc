package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One education of a candidate ({@code GET /v3/candidate_educations}); school, degree and
 * discipline are {@link CustomFieldOption} ids.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CandidateEducation(
    long id,
    Long candidateId,
    Long schoolId,
    Long degreeId,
    Long disciplineId,
    LocalDate startOn,
    LocalDate endOn,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public CandidateEducation {
    extras = Nulls.map(extras);
  }
}
