package io.headhuntr.connector.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky) on a persistent data directory, with durable settings ({@code
 * fsync} and {@code synchronous_commit} on, where zonky's defaults are test settings).
 *
 * <p>A JVM killed with SIGKILL leaves its postgres running on the data directory; {@link #start}
 * finds it through {@code postmaster.pid}, stops it (fast shutdown) and starts a fresh server.
 */
final class EmbeddedDatabase implements AutoCloseable {
  static final String USER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("pg");
    try {
      Files.createDirectories(pgData);
      stopLeftOverServer(pgData);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setPGStartupWait(Duration.ofSeconds(60))
              .setRegisterShutdownHook(false)
              .start();
      log.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + pgData, e);
    }
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
    String command = process.get().info().command().orElse("");
    if (!command.isEmpty() && !command.contains("postgres")) {
      // the pid was reused by an unrelated process (a container restart, say): the file is stale,
      // but postgres would take that live pid for another postmaster and refuse to start
      log.warn("removing a stale postmaster.pid in {} (pid {} is not postgres)", pgData, pid.get());
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

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
