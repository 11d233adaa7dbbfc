package io.headhuntr.harvest.v3;

import java.time.LocalDate;

/**
 * The body of {@code POST /v3/candidate_educations}: school, degree and discipline are {@link
 * CustomFieldOption} ids ({@code custom_field_key} school, degree, discipline). There is no update:
 * delete and create again.
 */
public record NewEducation(
    long candidateId,
    Long schoolId,
    Long degreeId,
    Long disciplineId,
    LocalDate startOn,
    LocalDate endOn) {
  public NewEducation {
    Checks.id("candidate_id", candidateId);
    Checks.optionalId("school_id", schoolId);
    Checks.optionalId("degree_id", degreeId);
    Checks.optionalId("discipline_id", disciplineId);
    if (startOn != null && endOn != null && endOn.isBefore(startOn)) {
      throw new IllegalArgumentException("end_on " + endOn + " is before start_on " + startOn);
    }
  }
}
