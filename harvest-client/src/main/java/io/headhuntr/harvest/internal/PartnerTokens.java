package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.HarvestReauthorizationRequiredException;
import io.headhuntr.harvest.HarvestServerException;
import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.Actor;
import io.headhuntr.harvest.v3.TokenPair;
import io.headhuntr.harvest.v3.TokenSource;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A partner authorization's tokens. The refresh token rotates on every use, so it lives only in the
 * caller's {@code TokenStore}: each refresh loads the pair, and the new pair is saved before its
 * access token is handed out. Only the access token is cached here. One refresh at a time.
 */
final class PartnerTokens implements BearerTokens {
  private final TokenEndpoint endpoint;
  private final TokenSource.Partner source;
  private final Clock clock;
  private AccessToken cached;
  private Instant refreshAt;

  PartnerTokens(TokenEndpoint endpoint, TokenSource.Partner source, Clock clock) {
    this.endpoint = endpoint;
    this.source = source;
    this.clock = clock;
  }

  @Override
  public synchronized AccessToken token(Actor actor) {
    requireCredential(actor);
    if (cached != null && clock.instant().isBefore(refreshAt)) {
      return cached;
    }
    return refreshed(Optional.ofNullable(cached));
  }

  @Override
  public synchronized AccessToken renew(Actor actor, AccessToken rejected) {
    requireCredential(actor);
    if (cached != null && !cached.equals(rejected) && clock.instant().isBefore(refreshAt)) {
      return cached;
    }
    return refreshed(Optional.of(rejected));
  }

  /** Exchanges a consent's code; the pair is in the store before this returns. */
  synchronized void exchange(String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("the authorization code must not be empty");
    }
    keep(endpoint.authorizationCode(code, source.redirectUri()));
  }

  /**
   * A stored access token another process saved is used as is (unless it is the one refused);
   * otherwise the stored refresh token buys a new pair.
   */
  private AccessToken refreshed(Optional<AccessToken> refused) {
    TokenPair stored =
        source
            .store()
            .load()
            .orElseThrow(
                () ->
                    new HarvestReauthorizationRequiredException(
                        "POST", "/token", 0, "no authorization is stored yet"));
    Instant now = clock.instant();
    AccessToken storedAccess = stored.accessToken();
    if (refused.map(r -> !r.equals(storedAccess)).orElse(true)
        && now.isBefore(BearerTokens.refreshAt(storedAccess, now))
        && !storedAccess.equals(cached)) {
      cached = storedAccess;
      refreshAt = BearerTokens.refreshAt(storedAccess, now);
      return cached;
    }
    return keep(endpoint.refresh(stored.refreshToken()));
  }

  private AccessToken keep(TokenAnswer answer) {
    TokenPair pair =
        new TokenPair(
            answer.accessToken(),
            answer
                .refreshToken()
                .orElseThrow(
                    () ->
                        new HarvestServerException(
                            "POST", "/token", 200, "the token answer has no refresh_token")));
    // Saved first: the refresh token just used no longer works, so this pair is the only way back.
    source.store().save(pair);
    cached = pair.accessToken();
    refreshAt = BearerTokens.refreshAt(cached, answer.receivedAt());
    return cached;
  }

  private static void requireCredential(Actor actor) {
    if (!(actor instanceof Actor.Credential)) {
      throw new IllegalStateException(
          "a partner authorization has no sub: it acts as whoever authorized it; use"
              + " actingAsAuthorizedUser()");
    }
  }
}
