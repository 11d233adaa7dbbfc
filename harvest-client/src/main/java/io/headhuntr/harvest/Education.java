package io.headhuntr.harvest;

import java.time.Instant;

/** A candidate's education entry, as Greenhouse returns it (names, not ids). */
public record Education(
    long id,
    String schoolName,
    String degree,
    String discipline,
    Instant startDate,
    Instant endDate) {}
