package io.headhuntr.sandbox.store;

/**
 * An education entry; school, degree and discipline are lookup ids (0 = none), dates epoch millis
 * (0 = none).
 */
public record Education(
    long id, long schoolId, long degreeId, long disciplineId, long startDate, long endDate) {}
