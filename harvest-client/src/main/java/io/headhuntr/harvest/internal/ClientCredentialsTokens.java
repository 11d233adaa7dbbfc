package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Client-credentials tokens, one cached per {@code sub} (none for the credential itself). A token
 * is fetched when none is cached or it nears {@code expires_at}; one fetch at a time per {@code
 * sub} (single flight), so threads that ask together share one token call.
 */
final class ClientCredentialsTokens implements BearerTokens {
  private final TokenEndpoint endpoint;
  private final Clock clock;
  private final ConcurrentMap<Optional<GreenhouseUserId>, Slot> slots = new ConcurrentHashMap<>();

  ClientCredentialsTokens(TokenEndpoint endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.clock = clock;
  }

  @Override
  public AccessToken token(Actor actor) {
    Optional<GreenhouseUserId> sub = sub(actor);
    Slot slot = slots.computeIfAbsent(sub, s -> new Slot());
    synchronized (slot) {
      if (slot.token == null || !clock.instant().isBefore(slot.refreshAt)) {
        slot.fill(endpoint.clientCredentials(sub));
      }
      return slot.token;
    }
  }

  @Override
  public AccessToken renew(Actor actor, AccessToken rejected) {
    Optional<GreenhouseUserId> sub = sub(actor);
    Slot slot = slots.computeIfAbsent(sub, s -> new Slot());
    synchronized (slot) {
      if (slot.token == null || slot.token.equals(rejected)) {
        slot.fill(endpoint.clientCredentials(sub));
      }
      return slot.token;
    }
  }

  private static Optional<GreenhouseUserId> sub(Actor actor) {
    return actor instanceof Actor.User user ? Optional.of(user.id()) : Optional.empty();
  }

  /** The cached token of one {@code sub}; guarded by its own monitor. */
  private static final class Slot {
    private AccessToken token;
    private Instant refreshAt;

    void fill(TokenAnswer answer) {
      token = answer.accessToken();
      refreshAt = BearerTokens.refreshAt(token, answer.receivedAt());
    }
  }
}
