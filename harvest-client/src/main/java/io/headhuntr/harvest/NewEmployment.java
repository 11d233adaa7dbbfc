package io.headhuntr.harvest;

import java.time.Instant;

/** An employment to add; company name, title and start date are required. */
public record NewEmployment(String companyName, String title, Instant startDate, Instant endDate) {
  public NewEmployment {
    if (companyName == null || title == null || startDate == null) {
      throw new IllegalArgumentException("an employment needs company_name, title and start_date");
    }
  }
}
