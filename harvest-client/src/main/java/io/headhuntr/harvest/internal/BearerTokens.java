package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.Actor;
import java.time.Duration;
import java.time.Instant;

/** Hands out the Bearer token for an actor, and a fresh one when Greenhouse refused the last. */
interface BearerTokens {
  /** A token for {@code actor} that is not about to expire (fetched only when needed). */
  AccessToken token(Actor actor);

  /**
   * A new token after Greenhouse answered 401 to {@code rejected}; if another thread already
   * replaced it, that newer token, without another token call.
   */
  AccessToken renew(Actor actor, AccessToken rejected);

  /**
   * When a token received at {@code receivedAt} should be replaced: a minute before it expires, or
   * after 90 % of its life for short-lived tokens (the sandbox scales lifetimes down).
   */
  static Instant refreshAt(AccessToken token, Instant receivedAt) {
    Duration life = Duration.between(receivedAt, token.expiresAt());
    Duration margin = Duration.ofMinutes(1);
    if (life.dividedBy(10).compareTo(margin) < 0) {
      margin = life.isNegative() ? Duration.ZERO : life.dividedBy(10);
    }
    return token.expiresAt().minus(margin);
  }
}
