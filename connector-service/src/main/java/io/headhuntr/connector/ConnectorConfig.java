package io.headhuntr.connector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the service can be tuned with, read once from the environment and flags in {@link
 * Main}; nothing below reads the environment.
 *
 * @param http the listener
 * @param db where the data lives
 * @param security the admin token and the master key of the credential encryption
 * @param publicBaseUrl the origin Greenhouse reaches this service at (webhook endpoint URLs)
 * @param workers the background threads (webhook inbox, pushes)
 */
public record ConnectorConfig(
    HttpConfig http,
    DbConfig db,
    SecurityConfig security,
    URI publicBaseUrl,
    WorkersConfig workers) {

  /** The service with the default background threads. */
  public ConnectorConfig(HttpConfig http, DbConfig db, SecurityConfig security, URI publicBaseUrl) {
    this(http, db, security, publicBaseUrl, WorkersConfig.defaults());
  }

  /**
   * Background threads: {@code CONNECTOR_INBOX_THREADS} apply webhook deliveries (default 2),
   * {@code CONNECTOR_PUSH_THREADS} run pushes (default 2).
   */
  public record WorkersConfig(int inboxThreads, int pushThreads) {
    public WorkersConfig {
      if (inboxThreads < 1 || inboxThreads > 64) {
        throw new IllegalArgumentException("inbox threads must be 1..64, got " + inboxThreads);
      }
      if (pushThreads < 1 || pushThreads > 64) {
        throw new IllegalArgumentException("push threads must be 1..64, got " + pushThreads);
      }
    }

    public static WorkersConfig defaults() {
      return new WorkersConfig(2, 2);
    }
  }

  /** The listener: {@code --port} (default 8080; 0 picks a free port). */
  public record HttpConfig(int port, long maxRequestBytes) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 11L * 1024 * 1024; // webhooks up to 10 MB

    public HttpConfig {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
    }
  }

  /**
   * PostgreSQL: external when {@code CONNECTOR_DB_URL} is set, otherwise embedded under {@code
   * dataDir}. The data directory also holds the generated master key file in embedded mode.
   */
  public record DbConfig(Optional<String> jdbcUrl, String user, String password, Path dataDir) {
    public boolean embedded() {
      return jdbcUrl.isEmpty();
    }

    @Override
    public String toString() {
      Optional<String> shown = jdbcUrl.map(u -> u.replaceAll("(?i)(password=)[^&;]*", "$1****"));
      return "DbConfig[jdbcUrl=" + shown + ", user=" + user + ", dataDir=" + dataDir + "]";
    }
  }

  /**
   * Secrets: the admin token ({@code CONNECTOR_ADMIN_TOKEN}; generated on first start when absent)
   * and the master key ({@code CONNECTOR_MASTER_KEY}; see {@code credentials.MasterKey} for its
   * format). {@code permissionCacheAge} is how long a permission report is answered from cache.
   */
  public record SecurityConfig(
      Optional<String> adminToken, Optional<String> masterKey, Duration permissionCacheAge) {
    @Override
    public String toString() {
      return "SecurityConfig[adminToken="
          + adminToken.map(t -> "****").orElse("generated")
          + ", masterKey="
          + masterKey.map(k -> "****").orElse("key file")
          + "]";
    }
  }

  /** Reads the environment variables of the service, with the flags of {@code connector serve}. */
  public static ConnectorConfig fromEnvironment(
      Map<String, String> env, int port, Path dataDir, Optional<URI> publicBaseUrl) {
    Optional<String> dbUrl = nonBlank(env.get("CONNECTOR_DB_URL"));
    URI base =
        publicBaseUrl
            .or(() -> nonBlank(env.get("CONNECTOR_PUBLIC_BASE_URL")).map(URI::create))
            .orElse(URI.create("http://localhost:" + (port == 0 ? 8080 : port)));
    return new ConnectorConfig(
        new HttpConfig(port, HttpConfig.DEFAULT_MAX_REQUEST_BYTES),
        new DbConfig(
            dbUrl,
            nonBlank(env.get("CONNECTOR_DB_USER")).orElse("postgres"),
            nonBlank(env.get("CONNECTOR_DB_PASSWORD")).orElse(""),
            dataDir),
        new SecurityConfig(
            nonBlank(env.get("CONNECTOR_ADMIN_TOKEN")),
            nonBlank(env.get("CONNECTOR_MASTER_KEY")),
            Duration.ofMinutes(1)),
        base,
        new WorkersConfig(
            threads(env, "CONNECTOR_INBOX_THREADS", WorkersConfig.defaults().inboxThreads()),
            threads(env, "CONNECTOR_PUSH_THREADS", WorkersConfig.defaults().pushThreads())));
  }

  private static int threads(Map<String, String> env, String name, int absent) {
    Optional<String> value = nonBlank(env.get(name));
    try {
      return value.map(Integer::parseInt).orElse(absent);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got " + value.get());
    }
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
