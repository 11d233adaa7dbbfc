package io.headhuntr.connector.greenhouse;

/** Who referred an application: a Greenhouse user (by id or email), or someone outside. */
public sealed interface Referral {
  /** Credited to the Greenhouse user with this id. */
  record User(long userId) implements Referral {}

  /** Credited to the Greenhouse user with this email. */
  record UserEmail(String email) implements Referral {}

  /** Someone outside Greenhouse, named in free text. */
  record Outside(String name) implements Referral {}
}
