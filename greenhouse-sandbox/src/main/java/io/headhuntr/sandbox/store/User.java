package io.headhuntr.sandbox.store;

import java.util.List;

/** A Greenhouse user (recruiter, coordinator, admin); mutable only through {@link Account}. */
public final class User {
  public final long id;
  public String firstName;
  public String lastName;
  public String primaryEmail;
  public List<String> otherEmails = List.of();
  public String employeeId;
  public boolean disabled;
  public boolean siteAdmin;

  /**
   * An OAuth client's service user (Harvest v3 only): no email, acts as a Site Admin for lists, and
   * is hidden from every Harvest v1 answer, as v1 had no such users.
   */
  public boolean serviceUser;

  public final long createdAt;
  public long updatedAt;
  public List<Long> officeIds = List.of();
  public List<Long> departmentIds = List.of();

  public User(long id, String firstName, String lastName, String primaryEmail, long createdAt) {
    this.id = id;
    this.firstName = firstName;
    this.lastName = lastName;
    this.primaryEmail = primaryEmail;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  public String name() {
    return firstName + " " + lastName;
  }
}
