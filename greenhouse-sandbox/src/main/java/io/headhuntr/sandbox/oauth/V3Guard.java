package io.headhuntr.sandbox.oauth;

import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.RateLimiter;
import io.headhuntr.sandbox.http.RollingWindowLimiter;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Wraps every Harvest v3 handler in Greenhouse's checks, in this order: rate limit per client
 * (headers on every answer, 429 when spent), bearer token (401), scope (403 naming it), partner
 * clients only where asked (403), the Site Admin rule on lists (403); then the fault injector, then
 * the handler. It records the acting user in {@link HarvestGuard#ACTING_USER} and the client id in
 * {@link HarvestGuard#API_KEY} so shared v1 logic and the per-key statistics work unchanged.
 */
public final class V3Guard {
  private static final String CLIENT_ID = "sandbox.oauthClientId";

  private final Grants grants;
  private final OAuthClients clients;
  private final Account account;
  private final RollingWindowLimiter limiter;
  private final RateLimiter statistics;
  private final UnaryOperator<Handler> faults;

  V3Guard(
      Grants grants,
      OAuthClients clients,
      Account account,
      RollingWindowLimiter limiter,
      RateLimiter statistics,
      UnaryOperator<Handler> faults) {
    this.grants = grants;
    this.clients = clients;
    this.account = account;
    this.limiter = limiter;
    this.statistics = statistics;
    this.faults = faults;
  }

  /** A {@code GET} route: rate limit, bearer, scope, Site Admin rule, faults. */
  public Handler list(String scope, Handler handler) {
    return guarded(scope, handler, true, false);
  }

  /** A write route: rate limit, bearer, scope, faults. */
  public Handler write(String scope, Handler handler) {
    return guarded(scope, handler, false, false);
  }

  /** Like {@link #write}, and 403 unless the token's client is a partner. */
  public Handler partnerWrite(String scope, Handler handler) {
    return guarded(scope, handler, false, true);
  }

  /** Like {@link #list}, and 403 unless the token's client is a partner. */
  public Handler partnerList(String scope, Handler handler) {
    return guarded(scope, handler, true, true);
  }

  /** The user the request acts as (the token's {@code sub}); 0 outside a guarded route. */
  public static long actingUser(Context ctx) {
    return HarvestGuard.actingUser(ctx);
  }

  /** The client id of the request's token; empty outside a guarded route. */
  public static String clientId(Context ctx) {
    String id = ctx.attribute(CLIENT_ID);
    return id == null ? "" : id;
  }

  private Handler guarded(String scope, Handler handler, boolean list, boolean partnerOnly) {
    if (!Scopes.known(scope)) {
      throw new IllegalArgumentException("unknown scope " + scope);
    }
    Handler faulty = faults.apply(handler);
    return ctx -> {
      String token = bearer(ctx);
      String key = token == null ? "" : grants.clientOf(token).orElse("");
      ctx.attribute(HarvestGuard.API_KEY, key);
      statistics.countRequest(key);
      RateLimiter.Decision decision = limiter.acquire(key);
      limiter.writeHeaders(ctx, decision);
      if (!decision.allowed()) {
        throw HarvestError.message(429, "Rate limit exceeded");
      }
      AccessClaims claims =
          grants
              .live(token)
              .orElseThrow(
                  () ->
                      unauthorized(
                          ctx, "The access token is missing, malformed, expired or revoked"));
      OAuthClient client =
          clients
              .find(claims.clientId())
              .orElseThrow(() -> unauthorized(ctx, "The token's client is no longer registered"));
      Optional<User> user =
          account.read(() -> Optional.ofNullable(account.users.get(claims.sub())));
      if (user.isEmpty() || user.get().disabled) {
        throw unauthorized(ctx, "The token's user " + claims.sub() + " is deactivated or gone");
      }
      if (!claims.scopes().contains(scope) || !client.scopes().contains(scope)) {
        throw HarvestError.message(403, "This token lacks the scope " + scope);
      }
      if (partnerOnly && client.kind() != ClientKind.PARTNER) {
        throw HarvestError.message(
            403,
            "Only partner clients may call this endpoint: " + client.id() + " is a custom client");
      }
      User u = user.get();
      if (list && !u.siteAdmin && !u.serviceUser) {
        throw HarvestError.message(
            403,
            "List endpoints need a Site Admin or a service user: user " + u.id + " is neither");
      }
      ctx.attribute(HarvestGuard.ACTING_USER, u.id);
      ctx.attribute(CLIENT_ID, client.id());
      faulty.handle(ctx);
    };
  }

  private static HarvestError unauthorized(Context ctx, String message) {
    ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return HarvestError.message(401, message);
  }

  /** The token of an {@code Authorization: Bearer} header, or null. */
  static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
