package io.headhuntr.sandbox.store;

/**
 * An education entry; school, degree and discipline are lookup ids (0 = none), dates epoch millis
 * (0 = none); createdAt 0 when unknown (seeded entries).
 */
public record Education(
    long id,
    long schoolId,
    long degreeId,
    long disciplineId,
    long startDate,
    long endDate,
    long createdAt) {

  public Education(
      long id, long schoolId, long degreeId, long disciplineId, long startDate, long endDate) {
    this(id, schoolId, degreeId, disciplineId, startDate, endDate, 0);
  }
}
