package io.headhuntr.harvest;

/** Names a Greenhouse user by id or by e-mail (recruiter, coordinator on candidate writes). */
public record UserSelector(Long id, String email) {
  /** The user with this Greenhouse id. */
  public static UserSelector id(long id) {
    return new UserSelector(id, null);
  }

  /** The user with this e-mail address. */
  public static UserSelector email(String email) {
    return new UserSelector(null, email);
  }
}
