package io.headhuntr.harvest;

import java.time.Instant;
import java.util.List;

/** A stage of a job's pipeline (HARVEST-V1 section 6.5); {@code active == false} means deleted. */
public record JobStage(
    long id,
    String name,
    Instant createdAt,
    Instant updatedAt,
    Boolean active,
    Long jobId,
    Integer priority,
    List<Interview> interviews) {
  public JobStage {
    interviews = Nulls.list(interviews);
  }
}
