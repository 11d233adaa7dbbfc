package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One option of a choice field ({@code GET /v3/custom_field_options}), e.g. a school, degree or
 * discipline by {@code customFieldKey}.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomFieldOption(
    long id,
    String customFieldKey,
    String name,
    Integer sortOrder,
    String externalId,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public CustomFieldOption {
    extras = Nulls.map(extras);
  }
}
