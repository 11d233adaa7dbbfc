package io.headhuntr.connector.bench;

import io.headhuntr.connector.ConnectorConfig;
import io.headhuntr.connector.Service;
import io.headhuntr.connector.bench.ConnectorClient.WebhookTenant;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The webhook intake benchmark of docs/benchmarks.md: starts the real service as {@code connector
 * serve} does (embedded PostgreSQL with durable settings in a fresh data directory), creates a
 * tenant, sends {@code bench.deliveries} signed webhooks from {@code bench.connections} concurrent
 * connections over loopback after a warm-up, and prints the acknowledgement rate and latencies,
 * then how long until every delivery was applied. System properties: {@code bench.deliveries}
 * (20000), {@code bench.connections} (16), {@code bench.warmup} (2000), {@code bench.inboxThreads}
 * (the service default), {@code bench.synchronousCommit} (an experiment: on or off), {@code
 * bench.timeoutSeconds} (600, the bound of the wait for the backlog).
 */
public final class IntakeBenchmark {
  private IntakeBenchmark() {}

  /** What one run measured. */
  public record Result(
      int deliveries,
      int connections,
      int acknowledged,
      double acksPerSecond,
      double p50Millis,
      double p99Millis,
      double maxMillis,
      double secondsToAck,
      long backlogAtLastAck,
      double secondsToApply,
      double appliedPerSecond,
      double drainPerSecond,
      Map<String, Long> states) {

    String line() {
      return String.format(
          Locale.ROOT,
          "intake-benchmark deliveries=%d connections=%d acknowledged=%d acks_per_s=%.0f"
              + " ack_p50_ms=%.1f ack_p99_ms=%.1f ack_max_ms=%.1f ack_window_s=%.2f"
              + " backlog_at_last_ack=%d all_applied_s=%.2f applied_per_s=%.0f"
              + " backlog_drain_per_s=%.0f states=%s",
          deliveries,
          connections,
          acknowledged,
          acksPerSecond,
          p50Millis,
          p99Millis,
          maxMillis,
          secondsToAck,
          backlogAtLastAck,
          secondsToApply,
          appliedPerSecond,
          drainPerSecond,
          states);
    }
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the benchmark as the system properties say and prints its lines to {@code out}. */
  public static Result run(PrintStream out) throws Exception {
    int deliveries = Integer.getInteger("bench.deliveries", 20_000);
    int connections = Integer.getInteger("bench.connections", 16);
    int warmup = Integer.getInteger("bench.warmup", 2_000);
    Duration bound = Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 600));
    Path dataDir = Files.createTempDirectory("intake-bench-");
    String admin = "ghc_admin_bench_" + UUID.randomUUID();
    java.util.HashMap<String, String> env = new java.util.HashMap<>();
    env.put("CONNECTOR_ADMIN_TOKEN", admin);
    Optional.ofNullable(System.getProperty("bench.inboxThreads"))
        .ifPresent(t -> env.put("CONNECTOR_INBOX_THREADS", t));
    ConnectorConfig config = ConnectorConfig.fromEnvironment(env, 0, dataDir, Optional.empty());
    out.println("intake-benchmark load before: " + loadAverage());
    try (Service service = Service.start(config, Clock.systemUTC(), out)) {
      Optional.ofNullable(System.getProperty("bench.synchronousCommit"))
          .map(String::strip)
          .filter(v -> !v.isEmpty())
          .ifPresent(value -> setSynchronousCommit(service, value));
      out.println(
          "intake-benchmark synchronous_commit="
              + service
                  .database()
                  .jdbi()
                  .withHandle(
                      h -> h.createQuery("show synchronous_commit").mapTo(String.class).one())
              + " cpus="
              + Runtime.getRuntime().availableProcessors()
              + " java="
              + System.getProperty("java.version"));
      ConnectorClient client = new ConnectorClient(service.app().baseUrl());
      WebhookTenant tenant = client.createWebhookTenant(admin, "Intake benchmark");
      DeliverySender sender =
          new DeliverySender(tenant.endpoint(), connections, Duration.ofSeconds(30));
      WebhookBodies bodies = new WebhookBodies(10_000_000L);

      // warm-up: JIT, pools and connections; then let its backlog drain before measuring
      sender.send(deliveries(bodies, tenant, 0, warmup), false, acks -> {});
      awaitApplied(client, tenant, warmup, bound);

      List<SignedDelivery> batch = deliveries(bodies, tenant, warmup, deliveries);
      CpuClock cpu = new CpuClock(dataDir);
      CpuClock.Reading atStart = cpu.read();
      DeliverySender.Sent sent = sender.send(batch, false, acks -> {});
      long lastAck = System.nanoTime();
      CpuClock.Reading cpuAtLastAck = cpu.read();
      Map<String, Long> atLastAck = client.inboxStates(tenant);
      long backlog = atLastAck.getOrDefault("ready", 0L) + atLastAck.getOrDefault("running", 0L);
      Map<String, Long> states = awaitApplied(client, tenant, warmup + deliveries, bound);
      long applied = System.nanoTime();
      CpuClock.Reading atApplied = cpu.read();

      Result result = summarize(sent, connections, lastAck, backlog, applied, states);
      out.println(result.line());
      out.println(
          CpuClock.describe(
              atStart, cpuAtLastAck, atApplied, sent.clientCpuNanos(), deliveries, backlog));
      out.println("intake-benchmark load after: " + loadAverage());
      return result;
    } finally {
      deleteTree(dataDir);
    }
  }

  /**
   * An experiment, not a setting of the product: {@code bench.synchronousCommit=off} shows what the
   * WAL flush per acknowledged delivery costs (the role's default, then the pool reconnects).
   */
  private static void setSynchronousCommit(Service service, String value) {
    if (!value.equals("on") && !value.equals("off")) {
      throw new IllegalArgumentException("bench.synchronousCommit must be on or off");
    }
    service
        .database()
        .jdbi()
        .useHandle(h -> h.execute("alter role current_user set synchronous_commit = " + value));
    ((com.zaxxer.hikari.HikariDataSource) service.database().dataSource())
        .getHikariPoolMXBean()
        .softEvictConnections();
  }

  static List<SignedDelivery> deliveries(
      WebhookBodies bodies, WebhookTenant tenant, int from, int count) {
    List<SignedDelivery> list = new ArrayList<>(count);
    for (int n = from; n < from + count; n++) {
      list.add(
          SignedDelivery.sign(
              UUID.randomUUID().toString(),
              bodies.body(WebhookBodies.mixedAction(n), n),
              tenant.secret()));
    }
    return list;
  }

  /** Polls the inbox until no delivery is ready or running and {@code total} rows finished. */
  static Map<String, Long> awaitApplied(
      ConnectorClient client, WebhookTenant tenant, long total, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (true) {
      Map<String, Long> states = client.inboxStates(tenant);
      long finished =
          states.getOrDefault("done", 0L)
              + states.getOrDefault("ignored", 0L)
              + states.getOrDefault("parked", 0L);
      if (finished >= total
          && states.getOrDefault("ready", 0L) == 0
          && states.getOrDefault("running", 0L) == 0) {
        return states;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not applied within " + bound + ": " + states);
      }
      Thread.sleep(250); // a benchmark's poll (each one counts the inbox), not a test wait
    }
  }

  static Result summarize(
      DeliverySender.Sent sent,
      int connections,
      long lastAck,
      long backlog,
      long applied,
      Map<String, Long> states) {
    int n = sent.status().length;
    long[] sorted = Arrays.copyOf(sent.latencyNanos(), n);
    Arrays.sort(sorted);
    double ackSeconds = (sent.endNanos() - sent.startNanos()) / 1e9;
    double applySeconds = (applied - sent.startNanos()) / 1e9;
    double drainSeconds = (applied - lastAck) / 1e9;
    return new Result(
        n,
        connections,
        sent.acknowledged(),
        sent.acknowledged() / ackSeconds,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted[n - 1] / 1e6,
        ackSeconds,
        backlog,
        applySeconds,
        n / applySeconds,
        drainSeconds > 0 ? backlog / drainSeconds : 0,
        states);
  }

  /** The nearest-rank percentile of sorted nanos, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
