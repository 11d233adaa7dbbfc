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
