package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import io.headhuntr.connector.api.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The credentials capability: saves a tenant's Greenhouse key after verifying it, shows only its
 * last four characters, probes its permissions, and tells activation what is missing.
 */
public final class Credentials {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Credentials.class);
  public static final URI DEFAULT_BASE_URL = URI.create("https://harvest.greenhouse.io");

  private final CredentialStore store;
  private final CredentialVerifier verifier;
  private final PermissionProbe permissions;
  private final PermissionReports reports;
  private final Clock clock;
  private final Duration reportCacheAge;

  public Credentials(
      Jdbi jdbi, Aead masterKey, ObjectMapper json, Clock clock, Duration reportCacheAge) {
    HarvestProbe probe = new HarvestProbe(Duration.ofSeconds(5), Duration.ofSeconds(20));
    this.store = new CredentialStore(jdbi, masterKey);
    this.verifier = new CredentialVerifier(probe);
    this.permissions = new PermissionProbe(probe);
    this.reports = new PermissionReports(jdbi, json);
    this.clock = clock;
    this.reportCacheAge = reportCacheAge;
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
    ApiKey key = new ApiKey(apiKey.strip());
    verifier.verify(base, key);
    store.save(tenantId, key, base, clock.instant());
    reports.forget(tenantId);
    log.info("tenant {} saved a Greenhouse credential {} for {}", tenantId, key, base);
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
   * otherwise probed now (and cached).
   */
  public PermissionReport permissions(UUID tenantId, boolean refresh) {
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
    Verification verification;
    try {
      verification = verifyStored(tenantId, credential.get());
    } catch (ProblemException e) {
      return List.of("the Greenhouse API key does not verify: " + e.getMessage());
    }
    PermissionReport report =
        freshReport(tenantId).orElseGet(() -> probeNow(tenantId, credential.get(), verification));
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

  private Optional<PermissionReport> freshReport(UUID tenantId) {
    return reports
        .last(tenantId)
        .filter(r -> r.checkedAt().plus(reportCacheAge).isAfter(clock.instant()));
  }

  private PermissionReport probeNow(
      UUID tenantId, StoredCredential credential, Verification verification) {
    PermissionReport report =
        PermissionReport.of(
            tenantId, clock.instant(), permissions.probe(credential, verification.actingUserId()));
    reports.save(report);
    return report;
  }

  private Verification verifyStored(UUID tenantId, StoredCredential credential) {
    Verification verification = verifier.verify(credential.baseUrl(), credential.apiKey());
    store.markVerified(tenantId, clock.instant());
    return verification;
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
