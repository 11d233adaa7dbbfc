package io.headhuntr.connector.mirror;

import java.time.Instant;

/** One interview stage of a job. */
public record JobStageRow(
    long id,
    Long jobId,
    String name,
    Boolean active,
    Integer priority,
    Instant createdAt,
    Instant updatedAt,
    Instant version,
    Instant deletedAt) {}
