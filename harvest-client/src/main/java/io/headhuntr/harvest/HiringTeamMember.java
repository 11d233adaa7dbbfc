package io.headhuntr.harvest;

/** A user on a job's hiring team; {@code responsible} is set for recruiters and coordinators. */
public record HiringTeamMember(
    long id,
    String firstName,
    String lastName,
    String name,
    String employeeId,
    Boolean responsible) {}
