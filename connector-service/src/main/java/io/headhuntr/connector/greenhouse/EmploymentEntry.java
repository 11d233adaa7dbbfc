package io.headhuntr.connector.greenhouse;

import java.time.Instant;
import java.util.Optional;

/** An employment to add: company, title and dates. */
public record EmploymentEntry(
    String companyName, String title, Optional<Instant> start, Optional<Instant> end) {}
