package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import io.headhuntr.connector.api.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The credentials capability: saves a tenant's Greenhouse credential (a Harvest v1 API key or
 * Harvest v3 client credentials) after verifying it, shows only the last four characters of its
 * secret, reports its permissions (probed for a key, read from the token's scopes for a client),
 * and tells activation what is missing.
 */
public final class Credentials {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Credentials.class);
  public static final URI DEFAULT_BASE_URL = URI.create("https://harvest.greenhouse.io");
  public static final URI DEFAULT_AUTH_URL = URI.create("https://auth.greenhouse.io");

  private final CredentialStore store;
  private final CredentialVerifier verifier;
  private final ClientCredentialsVerifier clients;
  private final PermissionProbe permissions;
  private final PermissionReports reports;
  private final Clock clock;
  private final Duration reportCacheAge;
  private final GreenhouseHosts hosts;

  /** The youngest report a refresh probes again (at most one probe per tenant per this). */
  public static final Duration MIN_REFRESH = Duration.ofSeconds(30);

  private final Jdbi jdbi;
  private final Optional<PartnerClient> partnerClient;
  private final OAuthStates states;

  public Credentials(
      Jdbi jdbi, Aead masterKey, ObjectMapper json, Clock clock, Duration reportCacheAge) {
    this(jdbi, masterKey, json, clock, reportCacheAge, Optional.empty());
  }

  /** As above, with the operator's partner client behind "Connect Greenhouse" (if configured). */
  public Credentials(
      Jdbi jdbi,
      Aead masterKey,
      ObjectMapper json,
      Clock clock,
      Duration reportCacheAge,
      Optional<PartnerClient> partnerClient) {
    this(
        jdbi,
        masterKey,
        json,
        clock,
        reportCacheAge,
        partnerClient,
        GreenhouseHosts.greenhouseOnly());
  }

  /** As above, calling only the hosts {@code hosts} allows. */
  public Credentials(
      Jdbi jdbi,
      Aead masterKey,
      ObjectMapper json,
      Clock clock,
      Duration reportCacheAge,
      Optional<PartnerClient> partnerClient,
      GreenhouseHosts hosts) {
    this.hosts = hosts;
    HarvestProbe probe = new HarvestProbe(Duration.ofSeconds(5), Duration.ofSeconds(20));
    this.store = new CredentialStore(jdbi, masterKey);
    this.verifier = new CredentialVerifier(probe);
    this.clients = new ClientCredentialsVerifier(Duration.ofSeconds(5), Duration.ofSeconds(20));
    this.permissions = new PermissionProbe(probe);
    this.reports = new PermissionReports(jdbi, json);
    this.clock = clock;
    this.reportCacheAge = reportCacheAge;
    this.jdbi = jdbi;
    this.partnerClient = partnerClient;
    this.states = new OAuthStates(jdbi, clock);
  }

  /** The operator's partner client behind "Connect Greenhouse", when configured. */
  public Optional<PartnerClient> partnerClient() {
    return partnerClient;
  }

  /** A new single-use {@code state} (10 minutes) binding a "Connect Greenhouse" to the tenant. */
  public String issueOAuthState(UUID tenantId) {
    return states.issue(tenantId);
  }

  /** The tenant of a live, unused {@code state}, using it up; empty otherwise. */
  public Optional<UUID> consumeOAuthState(String state) {
    return states.consume(state);
  }

  /**
   * Saves a partner connection (kind {@code v3_partner}) with its first token pair, encrypted, the
   * scopes and organization introspection named; a reconnect replaces the previous one.
   */
  public CredentialStatus savePartner(
      UUID tenantId,
      PartnerClient client,
      String tokenPair,
      Set<String> scopes,
      Optional<Long> organizationId,
      Optional<String> organizationName) {
    store.savePartner(
        tenantId,
        new PartnerGrant(client.clientId(), client.authUrl()),
        tokenPair,
        client.harvestUrl(),
        clock.instant(),
        organizationId.map(
            id -> new IntrospectedToken.Organization(id, organizationName.orElse(""))),
        scopes);
    reports.forget(tenantId);
    return store.status(tenantId);
  }

  /** The database row of a tenant's partner tokens (one per port: it tracks its thread's lock). */
  public PartnerTokenRow partnerTokens(UUID tenantId) {
    return new PartnerTokenRow(jdbi, store, tenantId, clock);
  }

  /**
   * Up to {@code limit} tenants whose partner connection works and whose tokens were last rotated
   * at or before {@code cutoff}, the longest unrotated first (what the keep-alive refreshes).
   */
  public List<UUID> partnerConnectionsRotatedBy(Instant cutoff, int limit) {
    return store.partnersRotatedBy(cutoff, limit);
  }

  /**
   * Why the tenant's partner connection needs a person to connect again, or empty when it works
   * (and for every other kind of credential).
   */
  public Optional<String> reconnectReason(UUID tenantId) {
    CredentialStatus status = store.status(tenantId);
    return CredentialStatus.NEEDS_RECONNECT.equals(status.status())
        ? Optional.of(status.reason())
        : Optional.empty();
  }

  /**
   * Marks the tenant's partner connection {@code needs_reconnect} with {@code reason} (Greenhouse
   * refused its refresh token); the credential's status then says how to connect again.
   */
  public void markNeedsReconnect(UUID tenantId, String reason) {
    store.markNeedsReconnect(tenantId, reason);
    log.warn(
        "tenant {}: the Greenhouse partner connection needs a reconnect: {}", tenantId, reason);
  }

  /**
   * Verifies the key against Greenhouse and saves it encrypted; a refused key or an unreachable URL
   * throws a problem naming {@code api_key} or {@code base_url}, and nothing is saved.
   */
  public CredentialStatus save(UUID tenantId, String apiKey, Optional<String> baseUrl) {
    if (apiKey == null || apiKey.isBlank()) {
      throw ProblemException.invalid("api_key", "api_key is required");
    }
    if (apiKey.strip().length() < 8 || apiKey.strip().chars().anyMatch(Character::isWhitespace)) {
      throw ProblemException.invalid(
          "api_key", "api_key does not look like a Harvest API key (too short or has spaces)");
    }
    URI base = baseUrl.map(Credentials::parseBaseUrl).orElse(DEFAULT_BASE_URL);
    requireAllowed(base, "base_url");
    ApiKey key = new ApiKey(apiKey.strip());
    verifier.verify(base, key);
    store.save(tenantId, key, base, clock.instant(), Optional.empty());
    reports.forget(tenantId);
    log.info("tenant {} saved a Greenhouse credential {} for {}", tenantId, key, base);
    return store.status(tenantId);
  }

  /**
   * Verifies Harvest v3 client credentials (a token without {@code sub}, then its introspection)
   * and saves them encrypted with the organization Greenhouse named; a refusal throws a problem
   * naming {@code client_id}, {@code client_secret}, {@code base_url} or {@code auth_url}, and
   * nothing is saved.
   */
  public CredentialStatus saveClientCredentials(
      UUID tenantId,
      String clientId,
      String clientSecret,
      Optional<String> baseUrl,
      Optional<String> authUrl) {
    if (clientId == null
        || clientId.isBlank()
        || !clientId.strip().chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
      throw ProblemException.invalid(
          "client_id", "client_id must be printable ASCII without spaces or colons");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw ProblemException.invalid("client_secret", "client_secret is required");
    }
    URI base = baseUrl.map(v -> parseOrigin(v, "base_url")).orElse(DEFAULT_BASE_URL);
    URI auth = authUrl.map(v -> parseOrigin(v, "auth_url")).orElse(DEFAULT_AUTH_URL);
    requireAllowed(base, "base_url");
    requireAllowed(auth, "auth_url");
    if (base.getScheme().equals("http") && base.getHost().endsWith("greenhouse.io")) {
      throw ProblemException.invalid(
          "base_url", "Greenhouse answers plain HTTP with 403: use https://" + base.getHost());
    }
    ClientCredentials client =
        new ClientCredentials(clientId.strip(), new ClientSecret(clientSecret.strip()), auth);
    IntrospectedToken token = clients.verify(client);
    store.save(tenantId, client, base, clock.instant(), token.organization());
    reports.forget(tenantId);
    log.info(
        "tenant {} saved a Greenhouse credential {} for {} (organization {})",
        tenantId,
        client,
        base,
        token.organization().map(IntrospectedToken.Organization::id).orElse(null));
    return store.status(tenantId);
  }

  public CredentialStatus status(UUID tenantId) {
    return store.status(tenantId);
  }

  /** The decrypted credential, for building the tenant's Harvest client. */
  public Optional<StoredCredential> load(UUID tenantId) {
    return store.load(tenantId);
  }

  /**
   * The permission report: from cache when younger than the configured age and not {@code refresh},
   * otherwise probed now (and cached). A probe costs a few dozen Greenhouse calls, so even {@code
   * refresh} answers from a report younger than {@link #MIN_REFRESH}: repeated clicks (or a script)
   * cannot turn one tenant's button into a stream of calls.
   */
  public PermissionReport permissions(UUID tenantId, boolean refresh) {
    Optional<PermissionReport> last = reports.last(tenantId);
    if (last.isPresent() && last.get().checkedAt().plus(MIN_REFRESH).isAfter(clock.instant())) {
      return last.get();
    }
    if (!refresh) {
      Optional<PermissionReport> fresh = freshReport(tenantId);
      if (fresh.isPresent()) {
        return fresh.get();
      }
    }
    StoredCredential credential =
        store
            .load(tenantId)
            .orElseThrow(
                () ->
                    ProblemException.conflict(
                        "no Greenhouse credential saved yet",
                        List.of(
                            "save the Greenhouse API key first (PUT .../greenhouse/credential)")));
    return probeNow(tenantId, credential, verifyStored(tenantId, credential));
  }

  /**
   * What keeps the tenant from activating on the credential's side: no key, a key Greenhouse does
   * not accept now, required permissions not granted (or not confirmed). The key is verified now;
   * the permission report is reused when it is younger than the cache age, else probed now.
   */
  public List<String> activationProblems(UUID tenantId) {
    Optional<StoredCredential> credential = store.load(tenantId);
    if (credential.isEmpty()) {
      return List.of("no Greenhouse API key saved (PUT .../greenhouse/credential)");
    }
    Supplier<List<PermissionCheck>> checks;
    try {
      checks = verifyStored(tenantId, credential.get());
    } catch (ProblemException e) {
      String what =
          credential.get().credential() instanceof ClientCredentials
              ? "the Greenhouse client credentials do not verify: "
              : credential.get().credential() instanceof PartnerGrant
                  ? "the Greenhouse connection does not verify: "
                  : "the Greenhouse API key does not verify: ";
      return List.of(what + e.getMessage());
    }
    PermissionReport report =
        freshReport(tenantId).orElseGet(() -> probeNow(tenantId, credential.get(), checks));
    List<String> problems = new ArrayList<>();
    for (PermissionCheck check : report.required()) {
      if (check.status().equals(PermissionCheck.MISSING)) {
        problems.add("required permission not granted: " + check.tick());
      } else if (check.status().equals(PermissionCheck.UNKNOWN)) {
        problems.add(
            "required permission could not be confirmed: "
                + check.tick()
                + " ("
                + check.detail()
                + ")");
      }
    }
    return problems;
  }

  /**
   * Refuses a URL a tenant's credential may not reach, naming the field, in words that say nothing
   * of what answers there.
   */
  private void requireAllowed(URI url, String field) {
    Optional<String> why = hosts.refusal(url);
    if (why.isPresent()) {
      throw ProblemException.invalid(field, field + " " + url + " is not allowed: " + why.get());
    }
  }

  /**
   * Why a stored credential's URLs may no longer be called (the rules changed); empty if fine. A
   * partner connection's URLs are the operator's own configuration, not the tenant's: not checked.
   */
  public Optional<String> refusal(StoredCredential credential) {
    if (credential.credential() instanceof PartnerGrant) {
      return Optional.empty();
    }
    Optional<String> base = hosts.refusal(credential.baseUrl()).map(w -> "base_url: " + w);
    if (base.isPresent() || !(credential.credential() instanceof ClientCredentials client)) {
      return base;
    }
    return hosts.refusal(client.authUrl()).map(w -> "auth_url: " + w);
  }

  /**
   * What is known to keep the tenant from activating on the credential's side, from stored state
   * only (no call to Greenhouse): no credential, a connection that needs reconnecting, or required
   * permissions the last report found missing or could not confirm. For answers that must stay
   * cheap (a push to a draft tenant); activation itself checks live.
   */
  public List<String> knownActivationProblems(UUID tenantId) {
    // the status row alone says both: one read, nothing decrypted
    CredentialStatus status = store.status(tenantId);
    if (!status.configured()) {
      return List.of("no Greenhouse credential saved (PUT .../greenhouse/credential)");
    }
    if (CredentialStatus.NEEDS_RECONNECT.equals(status.status())) {
      return List.of(
          "the Greenhouse connection needs reconnecting (GET .../greenhouse/credential)");
    }
    Optional<PermissionReport> report = reports.last(tenantId);
    if (report.isEmpty()) {
      return List.of(
          "the Greenhouse permissions were not checked yet (GET .../greenhouse/permissions)");
    }
    List<String> problems = new ArrayList<>();
    for (PermissionCheck check : report.get().required()) {
      if (!check.status().equals(PermissionCheck.GRANTED)) {
        problems.add("required permission " + check.status() + ": " + check.tick());
      }
    }
    return problems;
  }

  private Optional<PermissionReport> freshReport(UUID tenantId) {
    return reports
        .last(tenantId)
        .filter(r -> r.checkedAt().plus(reportCacheAge).isAfter(clock.instant()));
  }

  private PermissionReport probeNow(
      UUID tenantId, StoredCredential credential, Supplier<List<PermissionCheck>> checks) {
    PermissionReport report =
        PermissionReport.of(
            tenantId, credential.credential().kind(), clock.instant(), checks.get());
    reports.save(report);
    return report;
  }

  /**
   * Verifies the stored credential now and returns how to check its permissions: probed call by
   * call for an API key, read from the introspected scopes for client credentials.
   */
  private Supplier<List<PermissionCheck>> verifyStored(UUID tenantId, StoredCredential credential) {
    Supplier<List<PermissionCheck>> checks;
    if (credential.credential() instanceof ClientCredentials client) {
      IntrospectedToken token = clients.verify(client);
      checks = () -> GuideScopes.checks(token.scopes());
    } else if (credential.credential() instanceof PartnerGrant) {
      Set<String> scopes = partnerScopes(tenantId);
      checks = () -> GuideScopes.checks(scopes);
    } else {
      Verification verification = verifier.verify(credential.baseUrl(), credential.apiKey());
      checks = () -> permissions.probe(credential, verification.actingUserId());
    }
    store.markVerified(tenantId, clock.instant());
    return checks;
  }

  private Set<String> partnerScopes(UUID tenantId) {
    CredentialStatus status = store.status(tenantId);
    if (CredentialStatus.NEEDS_RECONNECT.equals(status.status())) {
      throw ProblemException.conflict(
          "the Greenhouse connection needs a reconnect: " + status.reason(),
          List.of(status.nextStep()));
    }
    return store.grantedScopes(tenantId);
  }

  /** A Harvest v3 origin: as {@link #parseBaseUrl}, and without a path (v3 clients add /v3/...). */
  static URI parseOrigin(String value, String field) {
    URI uri;
    try {
      uri = parseBaseUrl(value);
    } catch (ProblemException e) {
      throw ProblemException.invalid(
          field, field + " must be an http(s) origin such as https://harvest.greenhouse.io");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty()) {
      throw ProblemException.invalid(
          field, field + " must be an origin without a path (e.g. https://auth.greenhouse.io)");
    }
    return uri;
  }

  static URI parseBaseUrl(String value) {
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw ProblemException.invalid(
            "base_url", "base_url must be an http(s) URL such as https://harvest.greenhouse.io");
      }
      if (uri.getQuery() != null || uri.getFragment() != null) {
        throw ProblemException.invalid("base_url", "base_url must not have a query or fragment");
      }
      // the origin is wanted; a pasted ".../v1/" is forgiven (the client adds /v1/... itself)
      String path =
          uri.getPath() == null
              ? ""
              : uri.getPath().replaceAll("/+$", "").replaceAll("/v[123]$", "");
      return new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null);
    } catch (URISyntaxException e) {
      throw ProblemException.invalid("base_url", "base_url is not a valid URL");
    }
  }
}
