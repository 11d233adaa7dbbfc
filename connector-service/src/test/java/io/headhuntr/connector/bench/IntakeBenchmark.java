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
 * (20000), {@code bench.connections} (16), {@code bench.warmup} (5000 a round, see {@link
 * #warmUp}), {@code bench.inboxThreads} (the service default), {@code bench.synchronousCommit} (an
 * experiment: on or off), {@code bench.timeoutSeconds} (600, the bound of the wait for the
 * backlog), {@code bench.pacedDeliveries} (1000) and {@code bench.pacedRate} (100 a second): the
 * deliveries sent on a fixed schedule after the burst, to measure webhook-to-outcome-event latency
 * outside a burst.
 *
 * <p>In the same run, before the connector's burst, the same deliveries go three times to a bare
 * Javalin endpoint that answers 200 with no work ({@link BareEndpoint}); the connector's rate is
 * reported as a share of the median of the three. Then three times to the durable floor ({@link
 * DurableFloor}): the bare endpoint plus a group commit of each body, the least any intake that
 * acknowledges only stored deliveries must do. {@code bench.generator} picks the load generator
 * ({@link Generator}); {@code bench.checkpoint=false} skips the checkpoints before the bursts (each
 * send to a durable floor, and the connector's).
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
      Map<String, Long> states,
      Baseline bare,
      Baseline floor,
      Baseline heapFloor,
      Latency burstEvents,
      Latency pacedEvents,
      Latency pacedStamped) {

    /** The connector's acknowledgement rate as a share of the bare endpoint's. */
    double shareOfBare() {
      return acksPerSecond / bare.acksPerSecond();
    }

    /** The connector's acknowledgement rate as a share of the durable floor's. */
    double shareOfFloor() {
      return acksPerSecond / floor.acksPerSecond();
    }

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

    String comparison() {
      return String.format(
          Locale.ROOT,
          "intake-benchmark bare_acks_per_s=%.0f bare_p50_ms=%.1f bare_p99_ms=%.1f"
              + " share_of_bare=%.2f floor_acks_per_s=%.0f floor_p50_ms=%.1f floor_p99_ms=%.1f"
              + " floor_share_of_bare=%.2f share_of_floor=%.2f heap_floor_acks_per_s=%.0f"
              + " heap_floor_p50_ms=%.1f heap_floor_p99_ms=%.1f heap_floor_share_of_bare=%.2f"
              + " burst_received_to_event_p50_ms=%.0f burst_received_to_event_p99_ms=%.0f"
              + " paced_per_s=%.0f paced_event_p50_ms=%.1f paced_event_p99_ms=%.1f"
              + " paced_event_max_ms=%.1f paced_events_seen=%d/%d"
              + " paced_event_stamped_p50_ms=%.1f paced_event_stamped_p99_ms=%.1f",
          bare.acksPerSecond(),
          bare.p50Millis(),
          bare.p99Millis(),
          shareOfBare(),
          floor.acksPerSecond(),
          floor.p50Millis(),
          floor.p99Millis(),
          floor.acksPerSecond() / bare.acksPerSecond(),
          shareOfFloor(),
          heapFloor.acksPerSecond(),
          heapFloor.p50Millis(),
          heapFloor.p99Millis(),
          heapFloor.acksPerSecond() / bare.acksPerSecond(),
          burstEvents.p50Millis(),
          burstEvents.p99Millis(),
          pacedEvents.perSecond(),
          pacedEvents.p50Millis(),
          pacedEvents.p99Millis(),
          pacedEvents.maxMillis(),
          pacedEvents.seen(),
          pacedEvents.sent(),
          pacedStamped.p50Millis(),
          pacedStamped.p99Millis());
    }
  }

  /** A yardstick's acknowledgements in the same run (the bare endpoint, the durable floor). */
  public record Baseline(double acksPerSecond, double p50Millis, double p99Millis) {}

  /**
   * Webhook-to-outcome-event latency over {@code sent} deliveries of which {@code seen} produced an
   * event; {@code perSecond} is the sending rate (paced runs).
   */
  public record Latency(
      int sent, int seen, double perSecond, double p50Millis, double p99Millis, double maxMillis) {
    static Latency of(int sent, double perSecond, List<Long> nanos) {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length == 0) {
        return new Latency(sent, 0, perSecond, Double.NaN, Double.NaN, Double.NaN);
      }
      return new Latency(
          sent,
          sorted.length,
          perSecond,
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted[sorted.length - 1] / 1e6);
    }
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the benchmark as the system properties say and prints its lines to {@code out}. */
  public static Result run(PrintStream out) throws Exception {
    int deliveries = Integer.getInteger("bench.deliveries", 20_000);
    int connections = Integer.getInteger("bench.connections", 16);
    int warmup = Integer.getInteger("bench.warmup", 5_000);
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

      Generator generator = Generator.chosen(connections);
      out.println("intake-benchmark load generator: " + generator.describe());
      int warmed = warmUp(out, service, generator, client, tenant, bodies, warmup, bound);

      List<SignedDelivery> batch = deliveries(bodies, tenant, warmed, deliveries);
      Baseline bare = bare(generator, batch, warmup);
      Baseline floor = floor(generator, batch, warmup, service, DurableFloor.Kind.INBOX, out);
      Baseline heapFloor = floor(generator, batch, warmup, service, DurableFloor.Kind.HEAP, out);
      if (checkpointBeforeBursts()) {
        // a server that has run a while writes its WAL into recycled segments; a fresh cluster
        // creates a new 16 MB segment for every few thousand deliveries, and each commit into a
        // new one also commits the file system's block allocation
        checkpoint(service);
        out.println("intake-benchmark checkpoint after the warm-up: WAL segments recycled");
      }
      out.println(
          String.format(
              Locale.ROOT,
              "intake-benchmark bare endpoint: acks_per_s=%.0f p50_ms=%.1f p99_ms=%.1f",
              bare.acksPerSecond(),
              bare.p50Millis(),
              bare.p99Millis()));
      CpuClock cpu = new CpuClock(dataDir);
      CpuClock.Reading atStart = cpu.read();
      long[] walAtStart = wal(service);
      Acks sent = generator.send(tenant.endpoint(), batch);
      long lastAck = System.nanoTime();
      CpuClock.Reading cpuAtLastAck = cpu.read();
      Map<String, Long> atLastAck = client.inboxStates(tenant);
      long backlog = atLastAck.getOrDefault("ready", 0L) + atLastAck.getOrDefault("running", 0L);
      Map<String, Long> states = awaitApplied(service, client, tenant, warmed + deliveries, bound);
      long applied = System.nanoTime();
      CpuClock.Reading atApplied = cpu.read();
      long[] walAtApplied = wal(service);
      out.println(
          String.format(
              Locale.ROOT,
              "intake-benchmark wal_per_delivery: bytes=%.0f full_page_images=%.2f (burst sent and"
                  + " applied)",
              (walAtApplied[0] - walAtStart[0]) / (double) deliveries,
              (walAtApplied[1] - walAtStart[1]) / (double) deliveries));

      out.println(
          CpuClock.describe(
              atStart, cpuAtLastAck, atApplied, sent.clientCpuNanos(), deliveries, backlog));
      Latency burstEvents = receivedToEvent(service, client, tenant, bodies, warmed, batch);

      // outside a burst: deliveries on a fixed schedule, the feed followed as the platform would
      int pacedCount = Integer.getInteger("bench.pacedDeliveries", 1_000);
      double pacedRate = Double.parseDouble(System.getProperty("bench.pacedRate", "100"));
      int pacedFrom = warmed + deliveries;
      List<SignedDelivery> paced = deliveries(bodies, tenant, pacedFrom, pacedCount);
      Latency pacedEvents;
      Latency pacedStamped;
      try (EventWatch watch =
          new EventWatch(client, tenant, EventWatch.lastCursor(client, tenant), 5)) {
        DeliverySender.Sent pacedSent = sender.sendPaced(paced, pacedRate);
        awaitApplied(service, client, tenant, pacedFrom + pacedCount, bound);
        Thread.sleep(200); // one more poll of the feed after the last delivery was applied
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < pacedCount; i++) {
          java.time.Instant seen = watch.seenAt(eventKey(bodies, pacedFrom + i));
          if (seen != null) {
            nanos.add(Duration.between(pacedSent.sentAt(i), seen).toNanos());
          }
        }
        pacedEvents = Latency.of(pacedCount, pacedRate, nanos);
        pacedStamped = burstEventLatency(client, tenant, bodies, pacedFrom, pacedSent);
      }
      Result result =
          summarize(
              sent,
              connections,
              lastAck,
              backlog,
              applied,
              states,
              bare,
              floor,
              heapFloor,
              burstEvents,
              pacedEvents,
              pacedStamped);
      out.println(result.line());
      out.println(result.comparison());
      out.println("intake-benchmark load after: " + loadAverage());
      return result;
    } finally {
      deleteTree(dataDir);
    }
  }

  /**
   * Warms the service up in rounds of {@code roundSize} deliveries, each sent and then applied,
   * until a round in which the JIT compiled for less than a tenth of its time (at most {@code
   * bench.warmupRounds}, 20): on 2 cores, C1 and C2 otherwise take about half the machine for the
   * first minute of a fresh JVM, which a server that runs for days pays once. Returns how many
   * deliveries were sent.
   */
  static int warmUp(
      PrintStream out,
      Service service,
      Generator generator,
      ConnectorClient client,
      WebhookTenant tenant,
      WebhookBodies bodies,
      int roundSize,
      Duration bound)
      throws IOException, InterruptedException {
    java.lang.management.CompilationMXBean jit =
        java.lang.management.ManagementFactory.getCompilationMXBean();
    int rounds = Integer.getInteger("bench.warmupRounds", 20);
    int sent = 0;
    for (int round = 1; ; round++) {
      long jitBefore = jit.getTotalCompilationTime();
      long start = System.nanoTime();
      generator.send(tenant.endpoint(), deliveries(bodies, tenant, sent, roundSize));
      sent += roundSize;
      awaitApplied(service, client, tenant, sent, bound);
      double share =
          (jit.getTotalCompilationTime() - jitBefore) / ((System.nanoTime() - start) / 1e6);
      out.println(
          String.format(
              Locale.ROOT,
              "intake-benchmark warm-up round %d: %d deliveries sent and applied, the JIT compiled"
                  + " %.0f%% of the time",
              round,
              roundSize,
              share * 100));
      if (share < 0.10 || round >= rounds) {
        return sent;
      }
    }
  }

  /** Whether each burst starts after a checkpoint ({@code bench.checkpoint}, true unless false). */
  private static boolean checkpointBeforeBursts() {
    return !"false".equals(System.getProperty("bench.checkpoint"));
  }

  private static void checkpoint(Service service) {
    service.database().jdbi().useHandle(h -> h.execute("checkpoint"));
  }

  /** PostgreSQL's WAL written so far: bytes and full-page images ({@code pg_stat_wal}). */
  private static long[] wal(Service service) {
    return service
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select wal_bytes::bigint, wal_fpi from pg_stat_wal")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one());
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

  /**
   * Sends the warm-up and then {@code batch} to a bare Javalin endpoint (200, no work) with the
   * same load generator, and measures its acknowledgements as the connector's are measured.
   */
  static Baseline bare(Generator generator, List<SignedDelivery> batch, int warmup)
      throws IOException, InterruptedException {
    try (BareEndpoint endpoint = BareEndpoint.start()) {
      return medianOfThree(generator, endpoint.endpoint(), batch, warmup, () -> {});
    }
  }

  /**
   * As {@link #bare}, to the durable floor ({@link DurableFloor}): the bare endpoint plus a group
   * commit of each body into a copy of the connector's inbox table (or a bare heap), emptied before
   * each send so that every send stores every delivery, and checkpointed as before the connector's
   * burst.
   */
  static Baseline floor(
      Generator generator,
      List<SignedDelivery> batch,
      int warmup,
      Service service,
      DurableFloor.Kind kind,
      PrintStream out)
      throws IOException, InterruptedException {
    try (DurableFloor floor = DurableFloor.start(service.database().dataSource(), kind)) {
      Baseline measured =
          medianOfThree(
              generator,
              floor.endpoint(),
              batch,
              warmup,
              () -> {
                floor.empty();
                if (checkpointBeforeBursts()) {
                  // as before the connector's burst: its WAL goes into recycled segments
                  checkpoint(service);
                }
              });
      out.println(
          String.format(
              Locale.ROOT,
              "intake-benchmark %s: acks_per_s=%.0f p50_ms=%.1f p99_ms=%.1f",
              floor.describe(),
              measured.acksPerSecond(),
              measured.p50Millis(),
              measured.p99Millis()));
      return measured;
    }
  }

  private static Baseline medianOfThree(
      Generator generator,
      java.net.URI endpoint,
      List<SignedDelivery> batch,
      int warmup,
      Runnable beforeEachSend)
      throws IOException, InterruptedException {
    generator.send(endpoint, batch.subList(0, Math.min(warmup, batch.size())));
    // a yardstick's rate moves by up to 2x from one send to the next: the median of three
    List<Acks> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      beforeEachSend.run();
      runs.add(generator.send(endpoint, batch));
    }
    runs.sort(Comparator.comparingDouble(Acks::perSecond));
    Acks median = runs.get(1);
    return new Baseline(median.perSecond(), median.p50Millis(), median.p99Millis());
  }

  /**
   * The acknowledgements of one burst, whichever generator sent it: how many of {@code sent} were
   * answered 200, over how long, the latency percentiles, and the generator's own CPU.
   */
  record Acks(
      int sent,
      int acknowledged,
      double seconds,
      double p50Millis,
      double p99Millis,
      double maxMillis,
      long startNanos,
      long endNanos,
      long clientCpuNanos) {

    double perSecond() {
      return acknowledged / seconds;
    }

    static Acks of(DeliverySender.Sent sent) {
      int n = sent.status().length;
      long[] sorted = Arrays.copyOf(sent.latencyNanos(), n);
      Arrays.sort(sorted);
      return new Acks(
          n,
          sent.acknowledged(),
          (sent.endNanos() - sent.startNanos()) / 1e9,
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted[n - 1] / 1e6,
          sent.startNanos(),
          sent.endNanos(),
          sent.clientCpuNanos());
    }
  }

  /**
   * The load generator of the bursts: {@code wrk} in a process of its own when it is installed (the
   * default; {@code bench.generator=wrk} insists on it), else, or with {@code bench.generator=jdk},
   * the JDK {@code HttpClient} threads of this JVM, which on 2 cores take about as much CPU as the
   * bare endpoint they measure.
   */
  record Generator(Optional<WrkLoad> wrk, int connections) {
    static Generator chosen(int connections) {
      String asked = System.getProperty("bench.generator", "").strip();
      Optional<WrkLoad> wrk = asked.equals("jdk") ? Optional.empty() : WrkLoad.find();
      if (asked.equals("wrk") && wrk.isEmpty()) {
        throw new IllegalStateException(
            "bench.generator=wrk but wrk is not on the PATH: apt-get install wrk");
      }
      return new Generator(wrk, connections);
    }

    String describe() {
      return wrk.isPresent()
          ? "wrk (1 thread, " + connections + " connections, its own process)"
          : "JDK HttpClient (" + connections + " threads in this JVM)";
    }

    Acks send(java.net.URI endpoint, List<SignedDelivery> batch)
        throws IOException, InterruptedException {
      if (wrk.isPresent()) {
        return wrk.get().send(endpoint, batch, connections);
      }
      return Acks.of(
          new DeliverySender(endpoint, connections, Duration.ofSeconds(30))
              .send(batch, false, acks -> {}));
    }
  }

  /** The key {@link EventWatch} files delivery {@code n}'s outcome event under. */
  static String eventKey(WebhookBodies bodies, int n) {
    return WebhookBodies.mixedAction(n).equals("update_candidate")
        ? "c" + bodies.candidateId(n)
        : Long.toString(bodies.applicationId(n));
  }

  /**
   * In the burst: from sending each delivery to the {@code created_at} of its outcome event
   * (stamped by the applying transaction just before it commits).
   */
  static Latency burstEventLatency(
      ConnectorClient client,
      WebhookTenant tenant,
      WebhookBodies bodies,
      int from,
      DeliverySender.Sent sent) {
    Map<String, java.time.Instant> created = createdByKey(client, tenant);
    List<Long> nanos = new ArrayList<>();
    int n = sent.status().length;
    for (int i = 0; i < n; i++) {
      java.time.Instant at = created.get(eventKey(bodies, from + i));
      if (at != null) {
        nanos.add(Duration.between(sent.sentAt(i), at).toNanos());
      }
    }
    return Latency.of(n, 0, nanos);
  }

  /** The first outcome event's {@code created_at} by {@link #eventKey}. */
  private static Map<String, java.time.Instant> createdByKey(
      ConnectorClient client, WebhookTenant tenant) {
    Map<String, java.time.Instant> created = new java.util.HashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode event : client.events(tenant)) {
      String key =
          event.hasNonNull("application_id")
              ? event.get("application_id").asText()
              : "c" + event.path("candidate_id").asText();
      created.putIfAbsent(key, java.time.Instant.parse(event.get("created_at").asText()));
    }
    return created;
  }

  /**
   * In the burst: from the service's receipt of each delivery (the inbox row's {@code received_at})
   * to the {@code created_at} of its outcome event, both stamped by the service.
   */
  static Latency receivedToEvent(
      Service service,
      ConnectorClient client,
      WebhookTenant tenant,
      WebhookBodies bodies,
      int from,
      List<SignedDelivery> batch) {
    Map<String, java.time.Instant> created = createdByKey(client, tenant);
    Map<String, java.time.Instant> received = new java.util.HashMap<>();
    service
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select event_id, received_at from webhook_inbox where tenant_id = :t")
                    .bind("t", UUID.fromString(tenant.tenantId()))
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getString(1),
                                rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                    .forEach(e -> received.put(e.getKey(), e.getValue())));
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      java.time.Instant at = created.get(eventKey(bodies, from + i));
      java.time.Instant in = received.get(batch.get(i).eventId());
      if (at != null && in != null) {
        nanos.add(Duration.between(in, at).toNanos());
      }
    }
    return Latency.of(batch.size(), 0, nanos);
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

  /**
   * Waits until no delivery is ready or running, then checks through the API that {@code total}
   * rows finished. Every delivery counted here was acknowledged, so committed: none can still be on
   * its way in. The poll reads the two partial indexes of the queue from the service's database:
   * the API's inbox summary counts the whole inbox (60 ms of PostgreSQL per call at 90,000 rows),
   * which polled every 250 ms took a quarter of the database's time while the backlog drained.
   */
  static Map<String, Long> awaitApplied(
      Service service, ConnectorClient client, WebhookTenant tenant, long total, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    UUID tenantId = UUID.fromString(tenant.tenantId());
    while (pending(service, tenantId) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not applied within " + bound + ": " + client.inboxStates(tenant));
      }
      Thread.sleep(250); // a benchmark's poll, not a test wait
    }
    Map<String, Long> states = client.inboxStates(tenant);
    long finished =
        states.getOrDefault("done", 0L)
            + states.getOrDefault("ignored", 0L)
            + states.getOrDefault("parked", 0L);
    if (finished < total) {
      throw new IllegalStateException(total + " deliveries sent, " + finished + " finished");
    }
    return states;
  }

  private static long pending(Service service, UUID tenantId) {
    return service
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select (select count(*) from webhook_inbox where state = 'ready'"
                            + " and tenant_id = :t) + (select count(*) from webhook_inbox"
                            + " where state = 'running' and tenant_id = :t)")
                    .bind("t", tenantId)
                    .mapTo(Long.class)
                    .one());
  }

  static Result summarize(
      Acks sent,
      int connections,
      long lastAck,
      long backlog,
      long applied,
      Map<String, Long> states,
      Baseline bare,
      Baseline floor,
      Baseline heapFloor,
      Latency burstEvents,
      Latency pacedEvents,
      Latency pacedStamped) {
    double applySeconds = (applied - sent.startNanos()) / 1e9;
    double drainSeconds = (applied - lastAck) / 1e9;
    return new Result(
        sent.sent(),
        connections,
        sent.acknowledged(),
        sent.perSecond(),
        sent.p50Millis(),
        sent.p99Millis(),
        sent.maxMillis(),
        sent.seconds(),
        backlog,
        applySeconds,
        sent.sent() / applySeconds,
        drainSeconds > 0 ? backlog / drainSeconds : 0,
        states,
        bare,
        floor,
        heapFloor,
        burstEvents,
        pacedEvents,
        pacedStamped);
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
