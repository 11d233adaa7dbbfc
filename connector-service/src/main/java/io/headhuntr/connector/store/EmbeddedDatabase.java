package io.headhuntr.connector.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky) on a persistent data directory, with durable settings ({@code
 * fsync} and {@code synchronous_commit} on, where zonky's defaults are test settings). It listens
 * on loopback only, and every connection needs a password generated on first start and kept in
 * {@value #PASSWORD_FILE} beside the master key (owner-only).
 *
 * <p>A JVM killed with SIGKILL leaves its postgres running on the data directory; {@link #start}
 * finds it through {@code postmaster.pid}, and stops it (fast shutdown) only when that process
 * really serves this data directory, then starts a fresh server.
 */
final class EmbeddedDatabase implements AutoCloseable {
  static final String USER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /** The password file, beside the master key. */
  static final String PASSWORD_FILE = "database-password";

  private static final String HBA =
      """
      # written by the connector: every connection needs the password, over loopback only
      local all all scram-sha-256
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("pg");
    Path pwfile = dataDir.resolve("database-password.init");
    try {
      Files.createDirectories(pgData);
      String password = password(dataDir);
      stopLeftOverServer(pgData);
      boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
      if (fresh) {
        OwnerOnlyFile.write(pwfile, password + "\n");
      }
      EmbeddedPostgres postgres;
      try {
        postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // a new data directory gets the password and password authentication from initdb
                // itself (these options follow zonky's "-A trust" and override it)
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("pwfile", pwfile.toString())
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // keep 512 MB of used WAL segments for reuse (the default keeps 80 MB): a burst of
                // webhooks after a quiet spell then writes into recycled segments instead of
                // creating and zero-filling new ones, which held every commit for tens of
                // milliseconds (issue 15); about 100,000 deliveries' worth
                .setServerConfig("min_wal_size", "512MB")
                // and a segment that must be created is not zero-filled first (16 MB written while
                // commits wait): the file is extended as WAL is written, and fdatasync still makes
                // each commit durable; measured in docs/benchmarks.md (issue 15)
                .setServerConfig("wal_init_zero", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
      } finally {
        Files.deleteIfExists(pwfile);
      }
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
      database.requirePassword(pgData);
      log.info("embedded PostgreSQL on localhost:{} with data in {}", postgres.getPort(), pgData);
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + pgData, e);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "embedded PostgreSQL in "
              + pgData
              + " refused the password in "
              + dataDir.resolve(PASSWORD_FILE)
              + " (was that file replaced?): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The password of the data directory's server, generated on first use into {@value
   * #PASSWORD_FILE} beside the master key, readable by its owner only.
   */
  static String password(Path dataDir) throws IOException {
    Path file = dataDir.resolve(PASSWORD_FILE);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    OwnerOnlyFile.write(file, password + "\n");
    return password;
  }

  /**
   * Makes sure every connection needs the password: a data directory made before passwords were
   * required (trust authentication) gets the password set and its {@code pg_hba.conf} replaced,
   * then the server reloads it. A no-op once done.
   */
  private void requirePassword(Path pgData) throws IOException, SQLException {
    Path hba = pgData.resolve("pg_hba.conf");
    if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
      return;
    }
    try (Connection c = postgres.getDatabase(USER, "postgres", connectConfig()).getConnection();
        Statement statement = c.createStatement()) {
      // the password is base64url: nothing in it needs quoting
      statement.execute("alter role " + USER + " password '" + password + "'");
      OwnerOnlyFile.write(hba, HBA);
      statement.execute("select pg_reload_conf()");
    }
  }

  private Map<String, String> connectConfig() {
    return Map.of("password", password);
  }

  /** Stops a postgres left running on {@code pgData} by a process that died without closing it. */
  static void stopLeftOverServer(Path pgData) throws IOException {
    Optional<Long> pid = postmasterPid(pgData);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return; // a stale pid file: postgres itself ignores it
    }
    if (!serves(pid.get(), pgData)) {
      // the pid now belongs to another process (a container restart, or another postgres on
      // another data directory): it is not ours to signal. The file is stale, and postgres would
      // take that live pid for another postmaster and refuse to start.
      log.warn(
          "removing a stale postmaster.pid in {} (pid {} does not serve this data directory)",
          pgData,
          pid.get());
      Files.deleteIfExists(pgData.resolve("postmaster.pid"));
      return;
    }
    log.warn(
        "embedded PostgreSQL (pid {}) was left running on {} by a previous process; stopping it",
        pid.get(),
        pgData);
    signal("-INT", pid.get()); // fast shutdown: rolls back open transactions, checkpoints
    try {
      process.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception timeout) {
      log.warn("PostgreSQL pid {} did not stop in {}; killing it", pid.get(), STOP_TIMEOUT);
      process.get().destroyForcibly();
      process.get().onExit().join();
    }
  }

  /**
   * True when process {@code pid} is a postmaster whose working directory is {@code pgData}
   * (postgres changes into its data directory at start). False when that cannot be read (no {@code
   * /proc}, another user's process): a process not known to be ours is never signalled.
   */
  static boolean serves(long pid, Path pgData) {
    try {
      Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
      return cwd.equals(pgData.toRealPath());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  static Optional<Long> postmasterPid(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void signal(String signal, long pid) throws IOException {
    try {
      new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while signalling pid " + pid, e);
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl(USER, "postgres");
  }

  String password() {
    return password;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
