package io.headhuntr.sandbox.oauth;

import io.headhuntr.sandbox.http.RateLimiter;
import io.headhuntr.sandbox.http.RollingWindowLimiter;
import io.headhuntr.sandbox.store.Account;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The sandbox's Greenhouse auth server: registered clients, the token, authorize and introspect
 * endpoints, their administration, and the {@link V3Guard} every Harvest v3 route passes through.
 */
public final class AuthServer {
  /** The organization id introspection reports (the sandbox has one organization). */
  public static final long ORGANIZATION_ID = 3_999_999_999L;

  /** The organization name the consent page and introspection show. */
  public static final String ORGANIZATION_NAME = "Greenhouse Sandbox";

  private final OAuthClients clients;
  private final TokenEndpoint tokens;
  private final ConsentPage consent;
  private final Introspection introspection;
  private final OAuthAdmin admin;
  private final V3Guard guard;
  private final UnaryOperator<Handler> faults;

  /** How one sandbox's auth server and v3 guard run. */
  public record Settings(
      Clock clock, double timeScale, int v3RateLimit, Duration v3RateWindow, String issuer) {}

  public AuthServer(
      Account account, Settings settings, RateLimiter statistics, UnaryOperator<Handler> faults) {
    this.clients = new OAuthClients(account);
    Grants grants = new Grants(settings.clock(), settings.timeScale(), settings.issuer());
    this.tokens = new TokenEndpoint(clients, grants, account, settings.clock());
    this.consent = new ConsentPage(clients, grants, account, ORGANIZATION_NAME);
    this.introspection =
        new Introspection(
            clients,
            grants,
            account,
            new Introspection.Organization(ORGANIZATION_ID, ORGANIZATION_NAME));
    this.admin = new OAuthAdmin(clients, grants);
    RollingWindowLimiter v3Limiter =
        new RollingWindowLimiter(settings.v3RateLimit(), settings.v3RateWindow(), settings.clock());
    this.guard = new V3Guard(grants, clients, account, v3Limiter, statistics, faults);
    this.faults = faults;
  }

  public V3Guard guard() {
    return guard;
  }

  /** {@code POST /token}: its own bucket, then the fault injector, then the grant. */
  public Handler token() {
    return tokens.route(faults);
  }

  /** {@code GET /authorize}. */
  public Handler consentPage() {
    return consent::show;
  }

  /** {@code POST /authorize}. */
  public Handler consentForm() {
    return consent::submit;
  }

  /** {@code POST /introspect}. */
  public Handler introspect() {
    return faults.apply(introspection::introspect);
  }

  public Handler createClient() {
    return admin::create;
  }

  public Handler listClients() {
    return admin::list;
  }

  public Handler deleteClient() {
    return admin::delete;
  }

  public Handler replaceScopes() {
    return admin::replaceScopes;
  }

  public Handler revokeClient() {
    return admin::revoke;
  }

  /**
   * Registers a client and its service user; an unknown scope or a partner without redirect URI is
   * an IllegalArgumentException.
   */
  public OAuthClient addClient(
      String id, String secret, ClientKind kind, Set<String> scopes, Optional<String> redirectUri) {
    return clients.register(id, secret, kind, scopes, redirectUri);
  }

  public List<OAuthClient> clients() {
    return clients.all();
  }

  public Optional<OAuthClient> client(String id) {
    return clients.find(id);
  }

  /** Token requests that presented this client id, refused or not. */
  public long tokenRequestCount(String clientId) {
    return tokens.requestCount(clientId);
  }
}
