package io.headhuntr.harvest;

import java.time.Instant;
import java.util.Map;

/**
 * Filters for {@code GET /v1/job_posts}. {@code active=false} returns deleted posts only; unset
 * returns both. {@code internal=true} internal only, false external only, unset both.
 */
public record JobPostFilter(
    Instant createdAfter,
    Instant createdBefore,
    Instant updatedAfter,
    Instant updatedBefore,
    Boolean live,
    Boolean active,
    Boolean internal,
    Boolean fullContent) {

  public static JobPostFilter all() {
    return new JobPostFilter(null, null, null, null, null, null, null, null);
  }

  public static JobPostFilter updatedAfter(Instant t) {
    return new JobPostFilter(null, null, t, null, null, null, null, null);
  }

  public JobPostFilter withLive(Boolean value) {
    return new JobPostFilter(
        createdAfter,
        createdBefore,
        updatedAfter,
        updatedBefore,
        value,
        active,
        internal,
        fullContent);
  }

  public JobPostFilter withActive(Boolean value) {
    return new JobPostFilter(
        createdAfter,
        createdBefore,
        updatedAfter,
        updatedBefore,
        live,
        value,
        internal,
        fullContent);
  }

  public JobPostFilter withInternal(Boolean value) {
    return new JobPostFilter(
        createdAfter, createdBefore, updatedAfter, updatedBefore, live, active, value, fullContent);
  }

  public JobPostFilter withFullContent(Boolean value) {
    return new JobPostFilter(
        createdAfter, createdBefore, updatedAfter, updatedBefore, live, active, internal, value);
  }

  Map<String, String> query() {
    return new QueryParams()
        .put("created_after", createdAfter)
        .put("created_before", createdBefore)
        .put("updated_after", updatedAfter)
        .put("updated_before", updatedBefore)
        .put("live", live)
        .put("active", active)
        .put("internal", internal)
        .put("full_content", fullContent)
        .toMap();
  }
}
