package io.headhuntr.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.http.RateLimiter;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.http.RollingWindowLimiter;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * {@code POST /token}: the client credentials, authorization code and refresh token grants, with
 * HTTP Basic client authentication, parameters from a form body or the query string, and its own
 * bucket of 60 requests per 60 s per client.
 */
final class TokenEndpoint {
  static final int BUCKET_LIMIT = 60;
  static final Duration BUCKET_WINDOW = Duration.ofSeconds(60);

  private final OAuthClients clients;
  private final Grants grants;
  private final Account account;
  private final RollingWindowLimiter bucket;
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

  TokenEndpoint(OAuthClients clients, Grants grants, Account account, Clock clock) {
    this.clients = clients;
    this.grants = grants;
    this.account = account;
    this.bucket = new RollingWindowLimiter(BUCKET_LIMIT, BUCKET_WINDOW, clock);
  }

  /** The route: counts and limits per presented client id, then faults, then the grant. */
  Handler route(UnaryOperator<Handler> faults) {
    Handler faulty = faults.apply(this::token);
    return ctx -> {
      String presented = ClientAuthentication.presentedId(ctx).orElse("");
      requests.computeIfAbsent(presented, k -> new AtomicLong()).incrementAndGet();
      RateLimiter.Decision decision = bucket.acquire(presented);
      bucket.writeHeaders(ctx, decision);
      if (!decision.allowed()) {
        throw OAuthError.rateLimited();
      }
      faulty.handle(ctx);
    };
  }

  /** Token requests that presented this client id, refused or not. */
  long requestCount(String clientId) {
    AtomicLong count = requests.get(clientId);
    return count == null ? 0 : count.get();
  }

  private void token(Context ctx) {
    OAuthClient client = ClientAuthentication.authenticate(ctx, clients);
    String grantType = param(ctx, "grant_type");
    if (grantType == null) {
      throw OAuthError.invalidRequest("grant_type is required");
    }
    Grants.Issued issued =
        switch (grantType) {
          case "client_credentials" -> clientCredentials(ctx, client);
          case "authorization_code" -> authorizationCode(ctx, client);
          case "refresh_token" -> refreshToken(ctx, client);
          default ->
              throw OAuthError.unsupportedGrantType(
                  "grant_type must be client_credentials, authorization_code or refresh_token");
        };
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("access_token", issued.accessToken().value());
    body.put(
        "expires_at",
        Instant.ofEpochMilli(issued.expiresAtMillis()).truncatedTo(ChronoUnit.SECONDS).toString());
    issued.refreshToken().ifPresent(r -> body.put("refresh_token", r.value()));
    ctx.header("Cache-Control", "no-store");
    Respond.ok(ctx, body);
  }

  private Grants.Issued clientCredentials(Context ctx, OAuthClient client) {
    if (client.kind() != ClientKind.CUSTOM) {
      throw OAuthError.unauthorizedClient(
          "client_credentials is for custom clients; a partner client uses authorization_code");
    }
    String sub = param(ctx, "sub");
    long user = client.serviceUserId();
    if (sub != null) {
      try {
        user = Long.parseLong(sub.trim());
      } catch (NumberFormatException e) {
        throw OAuthError.invalidRequest("sub must be a numeric Greenhouse user id");
      }
      requireActiveUser(user, "sub " + user);
    }
    return grants.issue(new Grants.Consent(client.id(), user, client.scopes()), false);
  }

  private Grants.Issued authorizationCode(Context ctx, OAuthClient client) {
    requirePartner(client, "authorization_code");
    String code = required(ctx, "code");
    String redirectUri = required(ctx, "redirect_uri");
    Grants.Consent consent = grants.redeemCode(code, client.id(), redirectUri);
    requireActiveUser(consent.userId(), "The consenting user " + consent.userId());
    return grants.issue(consent, true);
  }

  private Grants.Issued refreshToken(Context ctx, OAuthClient client) {
    requirePartner(client, "refresh_token");
    Grants.Consent consent = grants.redeemRefresh(required(ctx, "refresh_token"), client.id());
    requireActiveUser(consent.userId(), "The consenting user " + consent.userId());
    return grants.issue(consent, true);
  }

  private static void requirePartner(OAuthClient client, String grant) {
    if (client.kind() != ClientKind.PARTNER) {
      throw OAuthError.unauthorizedClient(grant + " is for partner clients only");
    }
  }

  private void requireActiveUser(long id, String who) {
    boolean active =
        account.read(
            () -> {
              User u = account.users.get(id);
              return u != null && !u.disabled;
            });
    if (!active) {
      throw OAuthError.invalidGrant(who + " is not an active user of the account");
    }
  }

  private static String required(Context ctx, String name) {
    String value = param(ctx, name);
    if (value == null || value.isBlank()) {
      throw OAuthError.invalidRequest(name + " is required");
    }
    return value;
  }

  /** A parameter of the form body, else of the query string; null when absent. */
  static String param(Context ctx, String name) {
    String form = null;
    String type = ctx.contentType();
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      form = ctx.formParam(name);
    }
    return form != null ? form : ctx.queryParam(name);
  }
}
