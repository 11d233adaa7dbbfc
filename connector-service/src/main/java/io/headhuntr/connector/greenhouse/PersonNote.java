package io.headhuntr.connector.greenhouse;

import java.time.Instant;
import java.util.Optional;

/** A note on a person's record: its author (when Greenhouse names one), body and time. */
public record PersonNote(Optional<Long> authorId, String body, Optional<Instant> createdAt) {}
