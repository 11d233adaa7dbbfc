package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.GreenhouseUserId;
import java.util.Objects;

/**
 * Whose token a v3 call carries: a Greenhouse user (a client-credentials token with that {@code
 * sub}) or the credential itself (client credentials without {@code sub}, or the partner
 * authorization).
 */
public sealed interface Actor permits Actor.User, Actor.Credential {

  /**
   * A client-credentials token whose {@code sub} is this user: Greenhouse attributes writes to
   * them.
   */
  static Actor user(GreenhouseUserId id) {
    return new User(id);
  }

  /** The credential's own token: its service user, or the person who authorized a partner app. */
  static Actor credential() {
    return Credential.INSTANCE;
  }

  /** Acting as one Greenhouse user, sent as the token's {@code sub}. */
  record User(GreenhouseUserId id) implements Actor {
    public User {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
      return "Actor.user(" + id + ")";
    }
  }

  /** Acting as the credential itself. */
  record Credential() implements Actor {
    private static final Credential INSTANCE = new Credential();

    @Override
    public String toString() {
      return "Actor.credential()";
    }
  }
}
