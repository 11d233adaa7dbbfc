package io.headhuntr.connector;

import io.headhuntr.connector.credentials.GreenhouseHosts;
import io.headhuntr.connector.sync.SyncConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the service can be tuned with, read once from the environment and flags in {@link
 * Main}; nothing below reads the environment.
 *
 * @param http the listener
 * @param db where the data lives
 * @param security the admin token and the master key of the credential encryption
 * @param publicBaseUrl the origin Greenhouse reaches this service at (webhook endpoint URLs)
 * @param workers the background work (webhook inbox and push threads, the sync's schedule)
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
   * Background work: {@code CONNECTOR_INBOX_THREADS} apply webhook deliveries (default 2), {@code
   * CONNECTOR_PUSH_THREADS} run pushes (default 4), and {@code sync} is the service-wide schedule
   * of the sync (a tenant may set its own through {@code PUT .../sync/settings}). {@code
   * takeoverAfter} ({@code CONNECTOR_TAKEOVER_AFTER}) is how long work claimed by an instance that
   * stopped heartbeating (killed, frozen, cut off from the database) waits before another instance
   * takes it over: webhook deliveries, pushes and sync passes alike. When absent each keeps its own
   * default: 30 s for deliveries, 5 minutes for pushes, 30 minutes for a sync pass
   * (db-scheduler's). Set it above the longest Greenhouse call a push makes: a push is heartbeaten
   * between calls.
   */
  public record WorkersConfig(
      int inboxThreads,
      int pushThreads,
      SyncScheduleConfig sync,
      RetentionConfig retention,
      Duration pushConfirmWindow,
      Optional<Duration> takeoverAfter) {
    /** How long a push looks for the person of an unanswered write before sending it again. */
    public static final Duration DEFAULT_PUSH_CONFIRM_WINDOW = Duration.ofMinutes(5);

    public static final Duration MIN_TAKEOVER_AFTER = Duration.ofSeconds(5);
    public static final Duration MAX_TAKEOVER_AFTER = Duration.ofHours(1);

    public WorkersConfig {
      if (inboxThreads < 1 || inboxThreads > 64) {
        throw new IllegalArgumentException("inbox threads must be 1..64, got " + inboxThreads);
      }
      if (pushThreads < 1 || pushThreads > 64) {
        throw new IllegalArgumentException("push threads must be 1..64, got " + pushThreads);
      }
      Objects.requireNonNull(sync, "sync");
      Objects.requireNonNull(retention, "retention");
      Objects.requireNonNull(pushConfirmWindow, "pushConfirmWindow");
      Objects.requireNonNull(takeoverAfter, "takeoverAfter");
      takeoverAfter.ifPresent(
          d -> {
            if (d.compareTo(MIN_TAKEOVER_AFTER) < 0 || d.compareTo(MAX_TAKEOVER_AFTER) > 0) {
              throw new IllegalArgumentException("takeover must be PT5S to PT1H, got " + d);
            }
          });
    }

    public WorkersConfig(
        int inboxThreads,
        int pushThreads,
        SyncScheduleConfig sync,
        RetentionConfig retention,
        Duration pushConfirmWindow) {
      this(inboxThreads, pushThreads, sync, retention, pushConfirmWindow, Optional.empty());
    }

    public WorkersConfig(
        int inboxThreads, int pushThreads, SyncScheduleConfig sync, RetentionConfig retention) {
      this(inboxThreads, pushThreads, sync, retention, DEFAULT_PUSH_CONFIRM_WINDOW);
    }

    public WorkersConfig(int inboxThreads, int pushThreads, SyncScheduleConfig sync) {
      this(inboxThreads, pushThreads, sync, RetentionConfig.defaults());
    }

    /** The given threads with the default sync schedule. */
    public WorkersConfig(int inboxThreads, int pushThreads) {
      this(inboxThreads, pushThreads, SyncScheduleConfig.defaults());
    }

    public static WorkersConfig defaults() {
      // 4 push threads: a tenant holds at most 2 (PushConfig.forThreads), so a slow tenant leaves 2
      // to the others and a claim left by a dead instance still leaves the tenant 1
      return new WorkersConfig(2, 4);
    }
  }

  /**
   * How long personal data is kept once it served its purpose: {@code CONNECTOR_RETENTION} for
   * applied webhook bodies and finished pushes' requests (default {@code P30D}), {@code
   * CONNECTOR_ATTACHMENT_RETENTION} for the files of finished pushes (default {@code P7D}); both
   * whole hours, 1 hour to 400 days.
   */
  public record RetentionConfig(Duration retention, Duration attachments) {
    static final Duration MIN = Duration.ofHours(1);
    static final Duration MAX = Duration.ofDays(400);

    public RetentionConfig {
      for (Duration d : List.of(retention, attachments)) {
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
          throw new IllegalArgumentException("a retention must be 1 hour to 400 days, got " + d);
        }
      }
    }

    public static RetentionConfig defaults() {
      return new RetentionConfig(Duration.ofDays(30), Duration.ofDays(7));
    }
  }

  /**
   * The sync's service-wide schedule: {@code CONNECTOR_SYNC_INTERVAL} between a tenant's
   * incremental passes (default {@code PT15M}; whole minutes, 1 minute to 24 hours) and {@code
   * CONNECTOR_SYNC_FULL_INTERVAL} between its full reconciliations (default {@code PT24H}; whole
   * hours, 1 to 720). The same bounds as a tenant's own setting, so either can be shown in its
   * unit.
   */
  public record SyncScheduleConfig(Duration interval, Duration fullInterval) {
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MAX_INTERVAL = Duration.ofMinutes(1440);
    public static final Duration MIN_FULL_INTERVAL = Duration.ofHours(1);
    public static final Duration MAX_FULL_INTERVAL = Duration.ofHours(720);

    public SyncScheduleConfig {
      if (!wholeWithin(interval, Duration.ofMinutes(1), MIN_INTERVAL, MAX_INTERVAL)) {
        throw new IllegalArgumentException(
            "the sync interval must be whole minutes from PT1M to PT24H, got " + interval);
      }
      if (!wholeWithin(fullInterval, Duration.ofHours(1), MIN_FULL_INTERVAL, MAX_FULL_INTERVAL)) {
        throw new IllegalArgumentException(
            "the full sync interval must be whole hours from PT1H to PT720H, got " + fullInterval);
      }
    }

    public static SyncScheduleConfig defaults() {
      SyncConfig sync = SyncConfig.defaults();
      return new SyncScheduleConfig(sync.interval(), sync.fullInterval());
    }

    /** {@code base} with this schedule. */
    public SyncConfig applyTo(SyncConfig base) {
      return base.withInterval(interval).withFullInterval(fullInterval);
    }

    private static boolean wholeWithin(Duration d, Duration unit, Duration min, Duration max) {
      return d != null
          && d.compareTo(min) >= 0
          && d.compareTo(max) <= 0
          && d.toNanos() % unit.toNanos() == 0;
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
      Optional<String> adminToken,
      Optional<String> masterKey,
      Duration permissionCacheAge,
      GreenhouseHosts greenhouseHosts,
      Optional<String> metricsToken) {

    /** Greenhouse's own hosts only: a tenant's credential can reach nothing else. */
    public SecurityConfig(
        Optional<String> adminToken, Optional<String> masterKey, Duration permissionCacheAge) {
      this(adminToken, masterKey, permissionCacheAge, GreenhouseHosts.greenhouseOnly());
    }

    /** Without a metrics token: {@code /metrics} answers loopback clients only. */
    public SecurityConfig(
        Optional<String> adminToken,
        Optional<String> masterKey,
        Duration permissionCacheAge,
        GreenhouseHosts greenhouseHosts) {
      this(adminToken, masterKey, permissionCacheAge, greenhouseHosts, Optional.empty());
    }

    @Override
    public String toString() {
      return "SecurityConfig[adminToken="
          + adminToken.map(t -> "****").orElse("generated")
          + ", masterKey="
          + masterKey.map(k -> "****").orElse("key file")
          + ", metricsToken="
          + metricsToken.map(k -> "****").orElse("none (loopback only)")
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
            Duration.ofMinutes(1),
            nonBlank(env.get("CONNECTOR_ALLOW_GREENHOUSE_URLS"))
                .map(GreenhouseHosts::allowing)
                .orElse(GreenhouseHosts.greenhouseOnly()),
            nonBlank(env.get("CONNECTOR_METRICS_TOKEN"))),
        base,
        new WorkersConfig(
            threads(env, "CONNECTOR_INBOX_THREADS", WorkersConfig.defaults().inboxThreads()),
            threads(env, "CONNECTOR_PUSH_THREADS", WorkersConfig.defaults().pushThreads()),
            syncSchedule(env),
            retention(env),
            duration(
                env,
                "CONNECTOR_PUSH_CONFIRM_WINDOW",
                WorkersConfig.DEFAULT_PUSH_CONFIRM_WINDOW,
                "whole seconds from PT0S to PT1H, e.g. PT5M or PT90S (a plain number is minutes)",
                Duration.ofSeconds(1),
                Duration.ZERO,
                Duration.ofHours(1)),
            takeover(env)));
  }

  private static Optional<Duration> takeover(Map<String, String> env) {
    if (nonBlank(env.get("CONNECTOR_TAKEOVER_AFTER")).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        duration(
            env,
            "CONNECTOR_TAKEOVER_AFTER",
            Duration.ZERO,
            "whole seconds from PT5S to PT1H, e.g. PT30S or PT5M (a plain number is minutes)",
            Duration.ofSeconds(1),
            WorkersConfig.MIN_TAKEOVER_AFTER,
            WorkersConfig.MAX_TAKEOVER_AFTER));
  }

  private static RetentionConfig retention(Map<String, String> env) {
    RetentionConfig defaults = RetentionConfig.defaults();
    String rule = "whole hours from PT1H to P400D, e.g. P30D or PT720H (a plain number is minutes)";
    return new RetentionConfig(
        duration(
            env,
            "CONNECTOR_RETENTION",
            defaults.retention(),
            rule,
            Duration.ofHours(1),
            RetentionConfig.MIN,
            RetentionConfig.MAX),
        duration(
            env,
            "CONNECTOR_ATTACHMENT_RETENTION",
            defaults.attachments(),
            rule,
            Duration.ofHours(1),
            RetentionConfig.MIN,
            RetentionConfig.MAX));
  }

  private static SyncScheduleConfig syncSchedule(Map<String, String> env) {
    SyncScheduleConfig defaults = SyncScheduleConfig.defaults();
    Duration interval =
        duration(
            env,
            "CONNECTOR_SYNC_INTERVAL",
            defaults.interval(),
            "whole minutes from PT1M to PT24H, e.g. PT15M or 15",
            Duration.ofMinutes(1),
            SyncScheduleConfig.MIN_INTERVAL,
            SyncScheduleConfig.MAX_INTERVAL);
    Duration full =
        duration(
            env,
            "CONNECTOR_SYNC_FULL_INTERVAL",
            defaults.fullInterval(),
            "whole hours from PT1H to PT720H, e.g. PT24H or 1440 (a plain number is minutes)",
            Duration.ofHours(1),
            SyncScheduleConfig.MIN_FULL_INTERVAL,
            SyncScheduleConfig.MAX_FULL_INTERVAL);
    return new SyncScheduleConfig(interval, full);
  }

  /**
   * A duration variable: ISO-8601 ({@code PT15M}, {@code P1D}; any case) or a plain number of
   * minutes ({@code 15}); a value that is neither, or outside {@code rule}, stops the start with a
   * message naming the variable.
   */
  private static Duration duration(
      Map<String, String> env,
      String name,
      Duration absent,
      String rule,
      Duration unit,
      Duration min,
      Duration max) {
    Optional<String> value = nonBlank(env.get(name));
    if (value.isEmpty()) {
      return absent;
    }
    String text = value.get();
    Duration parsed;
    try {
      parsed =
          text.matches("\\d{1,9}")
              ? Duration.ofMinutes(Long.parseLong(text))
              : Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 duration or a number of minutes, " + rule + "; got " + text);
    }
    if (parsed.compareTo(min) < 0
        || parsed.compareTo(max) > 0
        || parsed.toNanos() % unit.toNanos() != 0) {
      throw new IllegalArgumentException(name + " must be " + rule + "; got " + text);
    }
    return parsed;
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
