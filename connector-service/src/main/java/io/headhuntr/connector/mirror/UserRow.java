package io.headhuntr.connector.mirror;

import java.time.Instant;

/** A Greenhouse user (recruiter, coordinator, hiring team member, credited user). */
public record UserRow(
    long id,
    String name,
    String firstName,
    String lastName,
    String email,
    String employeeId,
    Boolean disabled,
    Instant updatedAt,
    Instant version,
    Instant deletedAt) {}
