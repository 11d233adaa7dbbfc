package io.headhuntr.harvest;

import java.time.Instant;

/** An education to add: Greenhouse lookup ids (schools, disciplines, degrees), and dates. */
public record NewEducation(
    Long schoolId, Long disciplineId, Long degreeId, Instant startDate, Instant endDate) {}
