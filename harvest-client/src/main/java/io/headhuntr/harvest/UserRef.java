package io.headhuntr.harvest;

/** A short reference to a Greenhouse user, as embedded in other objects. */
public record UserRef(long id, String firstName, String lastName, String name, String employeeId) {}
