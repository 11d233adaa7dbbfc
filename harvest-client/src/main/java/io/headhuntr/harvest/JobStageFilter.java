package io.headhuntr.harvest;

import java.time.Instant;
import java.util.Map;

/** Filters for {@code GET /v1/job_stages} and {@code GET /v1/jobs/{id}/stages}. */
public record JobStageFilter(
    Instant createdAfter, Instant createdBefore, Instant updatedAfter, Instant updatedBefore) {

  public static JobStageFilter all() {
    return new JobStageFilter(null, null, null, null);
  }

  public static JobStageFilter updatedAfter(Instant t) {
    return new JobStageFilter(null, null, t, null);
  }

  Map<String, String> query() {
    return new QueryParams()
        .put("created_after", createdAfter)
        .put("created_before", createdBefore)
        .put("updated_after", updatedAfter)
        .put("updated_before", updatedBefore)
        .toMap();
  }
}
