package io.headhuntr.harvest.v3;

import java.time.LocalDate;

/**
 * The body of {@code POST /v3/candidate_employments}: a company and a title (both required) and
 * optional dates ({@code end_on} absent for a current job).
 */
public record NewEmployment(
    long candidateId, String companyName, String title, LocalDate startOn, LocalDate endOn) {
  public NewEmployment {
    Checks.id("candidate_id", candidateId);
    Checks.text("company_name", companyName);
    Checks.text("title", title);
    if (startOn != null && endOn != null && endOn.isBefore(startOn)) {
      throw new IllegalArgumentException("end_on " + endOn + " is before start_on " + startOn);
    }
  }
}
