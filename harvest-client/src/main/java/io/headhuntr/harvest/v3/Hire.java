package io.headhuntr.harvest.v3;

import java.time.LocalDate;

/**
 * The body of {@code POST /v3/applications/{id}/hire}: all optional (start date, the opening it
 * fills, the reason that opening closes).
 */
public record Hire(LocalDate startDate, Long openingId, Long closeReasonId) {
  public Hire {
    Checks.optionalId("opening_id", openingId);
    Checks.optionalId("close_reason_id", closeReasonId);
  }

  /** A hire with no details: Greenhouse picks the opening and no start date is set. */
  public static Hire defaults() {
    return new Hire(null, null, null);
  }

  public Hire withStartDate(LocalDate value) {
    return new Hire(value, openingId, closeReasonId);
  }

  public Hire withOpening(long openingId, Long closeReasonId) {
    return new Hire(startDate, openingId, closeReasonId);
  }
}
