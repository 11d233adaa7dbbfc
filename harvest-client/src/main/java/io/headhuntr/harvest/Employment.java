package io.headhuntr.harvest;

import java.time.Instant;

/** A candidate's employment entry. */
public record Employment(
    long id, String companyName, String title, Instant startDate, Instant endDate) {}
