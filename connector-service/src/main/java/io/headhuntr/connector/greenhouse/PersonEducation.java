package io.headhuntr.connector.greenhouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An education on a person's record, as a push reads it back: Greenhouse's ids of school, degree
 * and discipline (empty when the API names them instead, as Harvest v1 does), its dates and when it
 * was added (when the API says).
 */
public record PersonEducation(
    Optional<Long> schoolId,
    Optional<Long> degreeId,
    Optional<Long> disciplineId,
    Optional<LocalDate> start,
    Optional<LocalDate> end,
    Optional<Instant> createdAt) {}
