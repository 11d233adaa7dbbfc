package io.headhuntr.connector.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code connector serve} as a child JVM on the test classpath, over an embedded PostgreSQL in
 * {@code dataDir}, with a known admin token; its output goes to files in {@code dataDir} (read for
 * the listening address, kept for a failure's diagnosis). Killing it ({@link #kill()}, SIGKILL)
 * leaves its postgres running; {@link #stopLeftOverPostgres} ends that one.
 */
public final class ConnectorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final URI baseUrl;

  private ConnectorProcess(Process process, URI baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** Starts the child and waits (at most {@code startup}) until it listens. */
  public static ConnectorProcess start(
      Path dataDir, String adminToken, String name, Duration startup)
      throws IOException, InterruptedException {
    return start(dataDir, adminToken, name, startup, Map.of());
  }

  /**
   * As above, with more {@code CONNECTOR_*} variables (an external database, a master key, ...);
   * the parent's own {@code CONNECTOR_*} variables never reach the child.
   */
  public static ConnectorProcess start(
      Path dataDir, String adminToken, String name, Duration startup, Map<String, String> env)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = dataDir.resolve(name + ".out");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1", // a short-lived child: start fast
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.headhuntr.connector.Main",
                "serve",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString())
            .redirectOutput(out.toFile())
            .redirectError(dataDir.resolve(name + ".err").toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("CONNECTOR_"));
    builder.environment().put("CONNECTOR_ADMIN_TOKEN", adminToken);
    builder.environment().putAll(env);
    Process process = builder.start();
    long deadline = System.nanoTime() + startup.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<URI> url = listeningUrl(out);
      if (url.isPresent()) {
        return new ConnectorProcess(process, url.get());
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "connector exited (" + process.exitValue() + ") before listening; see " + out);
      }
      process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once when the child exits
    }
    process.destroyForcibly();
    throw new IllegalStateException("connector did not listen within " + startup + "; see " + out);
  }

  private static Optional<URI> listeningUrl(Path out) throws IOException {
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    for (String line : lines) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return Optional.of(URI.create(m.group(1)));
      }
    }
    return Optional.empty();
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** The child's process id (its claims are named {@code kind-xxxxxx-pid@host}). */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, in-flight requests get no answer. */
  public void kill() {
    process.destroyForcibly();
  }

  /** Waits for the child to be gone after {@link #kill()}. */
  public boolean awaitExit(Duration bound) throws InterruptedException {
    return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGTERM and a wait for the shutdown hook (it stops the embedded database); SIGKILL after. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Stops (SIGTERM, then SIGKILL) the postgres a killed child left on {@code dataDir}, if any: a
   * test's cleanup after a failure between the kill and the restart.
   */
  public static void stopLeftOverPostgres(Path dataDir) throws IOException, InterruptedException {
    Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> postgres =
        ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().orElse("").contains("postgres"));
    if (postgres.isPresent()) {
      postgres.get().destroy();
      try {
        postgres.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        postgres.get().destroyForcibly();
      }
    }
  }
}
