package io.headhuntr.connector.greenhouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An employment on a person's record, as a push reads it back: company, title, dates and when it
 * was added (when the API says).
 */
public record PersonEmployment(
    String companyName,
    String title,
    Optional<LocalDate> start,
    Optional<LocalDate> end,
    Optional<Instant> createdAt) {}
