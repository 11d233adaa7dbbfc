package io.headhuntr.harvest;

/**
 * Who referred an application: a user id, a user's e-mail, or free text for an outside referrer.
 */
public record Referrer(String type, Object value) {
  /** A referral credited to a Greenhouse user id. */
  public static Referrer user(long userId) {
    return new Referrer("id", userId);
  }

  /** A referral credited to the Greenhouse user with this e-mail. */
  public static Referrer userEmail(String email) {
    return new Referrer("email", email);
  }

  /** A referral by someone outside Greenhouse, named in free text. */
  public static Referrer outside(String name) {
    return new Referrer("outside", name);
  }
}
