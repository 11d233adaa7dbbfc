package io.headhuntr.connector.greenhouse;

import java.time.Instant;
import java.util.Optional;

/** An education to add: Greenhouse's ids of school, degree and discipline, and its dates. */
public record EducationEntry(
    Optional<Long> schoolId,
    Optional<Long> degreeId,
    Optional<Long> disciplineId,
    Optional<Instant> start,
    Optional<Instant> end) {}
