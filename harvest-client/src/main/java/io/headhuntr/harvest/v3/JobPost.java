package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A job post ({@code GET /v3/job_posts}); deleted posts are not listed.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobPost(
    long id,
    Long jobId,
    String title,
    Boolean live,
    Boolean internal,
    Boolean external,
    String content,
    String internalContent,
    Instant firstPublishedAt,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public JobPost {
    extras = Nulls.map(extras);
  }
}
