package io.headhuntr.connector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.bench.SpreadSender.Instance;
import io.headhuntr.connector.bench.SpreadSender.Sent;
import io.headhuntr.connector.bench.TenantSetup.ActiveTenant;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Two {@code connector serve} processes (child JVMs, the real entry point) on one PostgreSQL. Two
 * tenants on one sandbox take signed webhook deliveries and pushes through both instances; a third
 * tenant, on a sandbox of its own whose candidate pages are slow, is in the middle of its backfill.
 * Once a share of the deliveries is acknowledged, the instance running that backfill is killed with
 * SIGKILL while it holds claimed deliveries and pushes; the load goes on against the survivor (what
 * got no answer is sent again, as Greenhouse and a platform client would). The run waits until
 * everything is applied, done and synced, and returns what the database, the events and Greenhouse
 * show, with the figures it prints as one {@code two-instances ...} line.
 *
 * <p>Over 400 lines: one scenario from start to figures (setup, warm-up, load, kill, drain, checks)
 * reads best in one place; its SQL lives in {@link SharedQueues}, its HTTP in {@link SpreadSender}
 * and {@link TenantSetup}.
 */
public final class TwoInstances {
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration DRAIN = Duration.ofMinutes(3);
  private static final String PUSH_KEY_1 = "twoproc-push-key-1";
  private static final String PUSH_KEY_2 = "twoproc-push-key-2";
  private static final String SYNC_KEY = "twoproc-sync-key";

  private TwoInstances() {}

  /**
   * The load: candidates of the syncing tenant's Greenhouse (pages of 500) and the wait on each of
   * its pages; deliveries and pushes, and the connections sending each; the takeover bound ({@code
   * CONNECTOR_TAKEOVER_AFTER}); the share of deliveries acknowledged before the kill.
   */
  public record Settings(
      int syncCandidates,
      Duration pageLatency,
      int deliveries,
      int pushes,
      int deliveryConnections,
      int pushConnections,
      Duration takeover,
      double killShare,
      int warmupDeliveries,
      int warmupPushes,
      int burstDeliveries,
      int burstPushes,
      int deliveriesPerSecond,
      int pushesPerSecond,
      Duration pushLatency) {

    /**
     * The test's size: about a minute on two free cores; the load is paced (deliveries at most 250
     * a second, pushes 25) so that it lasts about 8 s on any machine and the kill falls inside it.
     * Each write to the pushes' Greenhouse takes 100 ms, so that each instance holds a push for
     * most of the load (without it, pushes were done so fast that the kill once found the killed
     * instance holding none).
     */
    public static Settings test() {
      return new Settings(
          6_000,
          Duration.ofMillis(1_500),
          2_000,
          200,
          8,
          4,
          Duration.ofSeconds(8),
          0.3,
          400,
          20,
          0,
          0,
          250,
          25,
          Duration.ofMillis(100));
    }

    /**
     * {@code -Dbench.*} over {@link #test()}: deliveries, pushes, candidates, pageLatencyMs, ...;
     * {@code bench.pushLatencyMs} is 0 unless given (pushes at the sandbox's own speed).
     */
    public static Settings fromProperties() {
      Settings d = test();
      return new Settings(
          Integer.getInteger("bench.candidates", d.syncCandidates),
          Duration.ofMillis(Long.getLong("bench.pageLatencyMs", d.pageLatency.toMillis())),
          Integer.getInteger("bench.deliveries", d.deliveries),
          Integer.getInteger("bench.pushes", d.pushes),
          Integer.getInteger("bench.connections", d.deliveryConnections),
          Integer.getInteger("bench.pushConnections", d.pushConnections),
          Duration.ofSeconds(Long.getLong("bench.takeoverSeconds", d.takeover.toSeconds())),
          Double.parseDouble(System.getProperty("bench.killShare", Double.toString(d.killShare))),
          Integer.getInteger("bench.warmupDeliveries", d.warmupDeliveries),
          Integer.getInteger("bench.warmupPushes", d.warmupPushes),
          Integer.getInteger("bench.burstDeliveries", d.burstDeliveries),
          Integer.getInteger("bench.burstPushes", d.burstPushes),
          Integer.getInteger("bench.deliveriesPerSecond", 0),
          Integer.getInteger("bench.pushesPerSecond", 0),
          Duration.ofMillis(Long.getLong("bench.pushLatencyMs", 0)));
    }

    int syncPages() {
      return (syncCandidates + 499) / 500;
    }
  }

  /**
   * What the killed instance held when it died, and when each part was finished by the survivor.
   */
  public record Takeover(
      SharedQueues.Held held,
      int syncPagesAtKill,
      int fewestSyncPagesAfterKill,
      Optional<Duration> deliveriesFinishedAfter,
      Optional<Duration> pushesFinishedAfter,
      Optional<Duration> syncRevivedAfter,
      Optional<Duration> syncFinishedAfter) {}

  /** Everything the test asserts on. */
  public record Result(
      int deliveries,
      List<Integer> deliveriesNeverAccepted,
      Map<String, Long> inboxStates,
      long applicationsMirrored,
      List<Long> applicationsAppliedTwice,
      List<Long> deliveriesNeverApplied,
      int pushes,
      List<Integer> pushesNeverAccepted,
      int distinctPushIds,
      Map<String, Long> pushStates,
      List<String> pushesWithoutOneEvent,
      List<String> emailsNotInGreenhouseOnce,
      boolean killedHeldTheBackfill,
      Takeover takeover,
      SharedQueues.Progress syncCandidates,
      int expectedSyncPages,
      long syncCandidatesInGreenhouse,
      long syncCandidatesMirrored) {}

  public static Result run(Settings settings, Path dir, PrintStream out) throws Exception {
    String loadBefore = loadAverage();
    String admin = "ghc_admin_twoproc_" + UUID.randomUUID();
    try (SharedPostgres db = SharedPostgres.start();
        GreenhouseSandbox pushGreenhouse = sandbox(PUSH_KEY_1, 20);
        GreenhouseSandbox syncGreenhouse = sandbox(SYNC_KEY, settings.syncCandidates())) {
      pushGreenhouse.addApiKey(PUSH_KEY_2, Set.of("*"));
      TenantSetup.slowRequests(syncGreenhouse, "GET", "/v1/candidates", settings.pageLatency());
      if (!settings.pushLatency().isZero()) {
        TenantSetup.slowRequests(pushGreenhouse, "POST", "/", settings.pushLatency());
      }
      Map<String, String> env = new HashMap<>();
      env.put("CONNECTOR_DB_URL", db.jdbcUrl());
      env.put("CONNECTOR_DB_USER", db.user());
      env.put("CONNECTOR_DB_PASSWORD", db.password());
      env.put("CONNECTOR_MASTER_KEY", randomKey()); // both instances read each other's secrets
      env.put("CONNECTOR_ALLOW_GREENHOUSE_URLS", "http://127.0.0.1:*");
      env.put("CONNECTOR_TAKEOVER_AFTER", "PT" + settings.takeover().toSeconds() + "S");
      // a create the killed instance marked as sent may never have left it: the sandbox creates at
      // once, so a person not found within 10 s was never made and the create is sent again
      env.put("CONNECTOR_PUSH_CONFIRM_WINDOW", "PT10S");
      if (!settings.pushLatency().isZero()) {
        // slow writes keep pushes running longer: with 8 threads the tenants' claim cap (half the
        // threads, counted over both instances) stays above what the load needs, so the first
        // instance to finish a push does not take every slot and both instances hold pushes
        env.put("CONNECTOR_PUSH_THREADS", "8");
      }
      // started together: they migrate the one database at the same time (Flyway's lock)
      CompletableFuture<ConnectorProcess> startA = startAsync(dir, admin, "a", env);
      CompletableFuture<ConnectorProcess> startB = startAsync(dir, admin, "b", env);
      List<ConnectorProcess> children = new ArrayList<>();
      try {
        children.add(startA.join());
        children.add(startB.join());
        return new Scenario(settings, db, pushGreenhouse, syncGreenhouse, children, admin, out, dir)
            .run(loadBefore);
      } finally {
        startA.thenAccept(TwoInstances::closeQuietly);
        startB.thenAccept(TwoInstances::closeQuietly);
        for (ConnectorProcess child : children) {
          closeQuietly(child);
        }
      }
    }
  }

  /** The run itself, over started instances. */
  private static final class Scenario {
    private final Settings settings;
    private final SharedQueues queues;
    private final GreenhouseSandbox pushGreenhouse;
    private final GreenhouseSandbox syncGreenhouse;
    private final List<ConnectorProcess> children;
    private final String admin;
    private final PrintStream out;
    private final Path dir;
    private final String db;
    private final AtomicReference<List<Instance>> live = new AtomicReference<>();
    private final AtomicInteger acked = new AtomicInteger();
    private volatile Killed killed;

    /** The kill: which instance, when (both clocks), and what it held (read after it died). */
    private record Killed(
        int index,
        long pid,
        long nanos,
        Instant at,
        SharedQueues.Held held,
        int syncPages,
        boolean heldBackfill) {}

    Scenario(
        Settings settings,
        SharedPostgres db,
        GreenhouseSandbox pushGreenhouse,
        GreenhouseSandbox syncGreenhouse,
        List<ConnectorProcess> children,
        String admin,
        PrintStream out,
        Path dir) {
      this.settings = settings;
      this.dir = dir;
      this.queues = new SharedQueues(db.jdbi());
      this.db = db.describe();
      this.pushGreenhouse = pushGreenhouse;
      this.syncGreenhouse = syncGreenhouse;
      this.children = children;
      this.admin = admin;
      this.out = out;
      List<Instance> both = new ArrayList<>();
      for (int i = 0; i < children.size(); i++) {
        both.add(new Instance(i, children.get(i).baseUrl()));
      }
      live.set(List.copyOf(both));
    }

    Result run(String loadBefore) throws Exception {
      ConnectorClient a = new ConnectorClient(children.get(0).baseUrl());
      ConnectorClient b = new ConnectorClient(children.get(1).baseUrl());
      List<ActiveTenant> busy =
          List.of(
              TenantSetup.activate(a, admin, "Busy 1", pushGreenhouse, PUSH_KEY_1, "always_create"),
              TenantSetup.activate(
                  b, admin, "Busy 2", pushGreenhouse, PUSH_KEY_2, "always_create"));
      long jobId =
          TenantSetup.harvest(pushGreenhouse, PUSH_KEY_1, "/v1/jobs?per_page=1&status=open")
              .get(0)
              .get("id")
              .asLong();
      String run = UUID.randomUUID().toString().substring(0, 8);
      ActiveTenant warm =
          TenantSetup.activate(b, admin, "Warm-up", pushGreenhouse, PUSH_KEY_1, "always_create");
      warmUp(warm, jobId, run);
      Optional<Rates> twoInstances = measure(warm, jobId, "two" + run);

      ActiveTenant syncing =
          TenantSetup.prepare(a, admin, "Syncing", syncGreenhouse, SYNC_KEY, "link");
      TenantSetup.activate(a, syncing);
      // what the credential and activation checks asked; the sync polls for the pass after this
      syncRequestsBefore = syncGreenhouse.requestCount(SYNC_KEY);
      int holder = awaitCandidatePages(syncing, 1);

      WebhookBodies bodies = new WebhookBodies(60_000_000L);
      List<SignedDelivery> deliveries = signed(busy, bodies, "evt-", settings.deliveries());
      Thread monitor = new Thread(() -> killWhenLoaded(holder, syncing), "twoproc-kill-monitor");
      monitor.setDaemon(true);
      Instant loadStartedAt = Instant.now();
      long loadStart = System.nanoTime();
      monitor.start();
      CompletableFuture<List<Sent>> pushing =
          CompletableFuture.supplyAsync(
              () -> sendPushes(busy, settings.pushes(), jobId, run, settings.pushesPerSecond()));
      List<Sent> delivered =
          sendDeliveries(busy, deliveries, acked::set, settings.deliveriesPerSecond());
      List<Sent> pushed = pushing.join();
      long killDeadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (killed == null && monitor.isAlive() && System.nanoTime() < killDeadline) {
        Thread.sleep(50);
      }
      Killed kill = killed;
      if (kill == null) {
        throw new IllegalStateException("the load ended before the kill: raise bench.deliveries");
      }

      try {
        awaitEverything(busy, syncing);
      } finally {
        watching = false;
        monitor.join(Duration.ofSeconds(10).toMillis());
      }
      int fewestPages = fewestPagesAfterKill;
      Optional<Rates> oneInstance = measure(warm, jobId, "one" + run);
      Takeover takeover =
          new Takeover(
              kill.held(),
              kill.syncPages(),
              fewestPages,
              queues.deliveriesFinished(kill.held().deliveries()).map(t -> after(kill, t)),
              queues.pushesFinished(kill.held().pushes()).map(t -> after(kill, t)),
              Optional.ofNullable(revivedAt).map(t -> after(kill, t)),
              queues.backfilledAt(syncing.id()).map(t -> after(kill, t)));
      Result result = result(settings, busy, syncing, bodies, delivered, pushed, run, takeover);
      print(kill, takeover, delivered, busy, loadStart, loadStartedAt, loadBefore);
      if (twoInstances.isPresent() && oneInstance.isPresent()) {
        out.printf(
            "  bursts of %d deliveries and %d pushes on their own (tenant Warm-up):%n"
                + "    two instances: %s%n    one instance:  %s%n",
            settings.burstDeliveries(),
            settings.burstPushes(),
            twoInstances.get(),
            oneInstance.get());
      }
      return result;
    }

    /** Waits until a pass of {@code tenant} lists candidates with {@code pages} committed. */
    private int awaitCandidatePages(ActiveTenant tenant, int pages) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline) {
        Optional<String> holder = queues.syncHolder(tenant.id());
        Optional<SharedQueues.Progress> progress = queues.progress(tenant.id(), "candidates");
        if (holder.isPresent() && progress.isPresent() && progress.get().pages() >= pages) {
          for (int i = 0; i < children.size(); i++) {
            if (holder.get().contains("-" + children.get(i).pid() + "@")) {
              return i;
            }
          }
          throw new IllegalStateException("the pass is held by no child: " + holder.get());
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("the backfill did not reach candidate page " + pages);
    }

    /**
     * Kills the instance running the backfill once the kill share of deliveries is acknowledged and
     * it holds both claimed deliveries and claimed pushes (or, failing that, once 40 % more are).
     */
    private void killWhenLoaded(int holder, ActiveTenant syncing) {
      ConnectorProcess victim = children.get(holder);
      int share = (int) (settings.deliveries() * settings.killShare());
      int fallback = (int) (settings.deliveries() * Math.min(0.9, settings.killShare() + 0.4));
      try {
        while (true) {
          if (acked.get() >= share
              && (queues.heldBy(victim.pid()).both() || acked.get() >= fallback)) {
            break;
          }
          Thread.sleep(5); // an applier holds its claimed batch for milliseconds
        }
        List<Instance> survivors = new ArrayList<>(live.get());
        survivors.removeIf(i -> i.index() == holder);
        live.set(List.copyOf(survivors)); // no new request goes to it; those in flight break
        victim.kill();
        long nanos = System.nanoTime();
        Instant at = Instant.now();
        victim.awaitExit(Duration.ofSeconds(30));
        SharedQueues.Held held = queues.heldBy(victim.pid());
        int pages = queues.progress(syncing.id(), "candidates").orElseThrow().pages();
        boolean backfill =
            queues
                .syncHolder(syncing.id())
                .filter(h -> h.contains("-" + victim.pid() + "@"))
                .isPresent();
        killed = new Killed(holder, victim.pid(), nanos, at, held, pages, backfill);
        watchTheBackfill(syncing, children.get(1 - holder));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private volatile boolean watching = true;
    private volatile Instant revivedAt;
    private volatile int fewestPagesAfterKill = Integer.MAX_VALUE;

    /**
     * From the kill until everything is finished: when the survivor picks the backfill up, and the
     * fewest candidate pages its checkpoint shows (a listing restarted from page 1 would go down).
     */
    private void watchTheBackfill(ActiveTenant syncing, ConnectorProcess survivor)
        throws InterruptedException {
      String name = "-" + survivor.pid() + "@";
      while (watching) {
        int pages = queues.progress(syncing.id(), "candidates").map(p -> p.pages()).orElse(0);
        fewestPagesAfterKill = Math.min(fewestPagesAfterKill, pages);
        if (revivedAt == null
            && queues.syncHolder(syncing.id()).filter(h -> h.contains(name)).isPresent()) {
          revivedAt = Instant.now();
        }
        Thread.sleep(100);
      }
    }

    /**
     * Waits until both busy tenants' inboxes hold every delivery finished, every push is finished,
     * and the syncing tenant's backfill is done.
     */
    private void awaitEverything(List<ActiveTenant> busy, ActiveTenant syncing)
        throws InterruptedException {
      long deadline = System.nanoTime() + DRAIN.toNanos();
      while (System.nanoTime() < deadline) {
        boolean inboxes = true;
        boolean pushes = true;
        for (ActiveTenant tenant : busy) {
          Map<String, Long> states = queues.inboxStates(tenant.id());
          inboxes &= states.getOrDefault("ready", 0L) + states.getOrDefault("running", 0L) == 0;
          Map<String, Long> pushStates = queues.pushStates(tenant.id());
          pushes &=
              pushStates.getOrDefault("queued", 0L) + pushStates.getOrDefault("running", 0L) == 0;
        }
        boolean synced =
            queues.backfilledAt(syncing.id()).isPresent()
                && queues
                    .progress(syncing.id(), "candidates")
                    .filter(p -> p.state().equals("done"))
                    .isPresent();
        if (inboxes && pushes && synced) {
          return;
        }
        Thread.sleep(100);
      }
      StringBuilder state = new StringBuilder();
      for (ActiveTenant tenant : busy) {
        state
            .append(" inbox ")
            .append(queues.inboxStates(tenant.id()))
            .append(" pushes ")
            .append(queues.pushStates(tenant.id()))
            .append(" ")
            .append(queues.unfinishedPushes(tenant.id()));
      }
      state
          .append(" sync ")
          .append(queues.progress(syncing.id(), "candidates"))
          .append(" backfilled ")
          .append(queues.backfilledAt(syncing.id()))
          .append(" holder ")
          .append(queues.syncHolder(syncing.id()));
      throw new IllegalStateException(
          "not everything was finished within " + DRAIN + ":" + state + "; logs in " + dir);
    }

    private volatile long syncRequestsBefore;

    /** A burst's rates: deliveries acknowledged and applied per second, pushes done per second. */
    record Rates(double acked, double applied, double pushes) {
      @Override
      public String toString() {
        return String.format(
            "%.0f deliveries acknowledged/s, %.0f applied/s; %.1f pushes done/s",
            acked, applied, pushes);
      }
    }

    /**
     * Measures the live instances alone (no sync, no kill), when the settings ask for bursts: a
     * burst of deliveries (acknowledged per second; applied per second until the inbox is empty),
     * then a burst of pushes (done per second from the first request until the last is done).
     */
    private Optional<Rates> measure(ActiveTenant tenant, long jobId, String label)
        throws InterruptedException {
      if (settings.burstDeliveries() == 0 || settings.burstPushes() == 0) {
        return Optional.empty();
      }
      List<ActiveTenant> one = List.of(tenant);
      long doneBefore = queues.inboxStates(tenant.id()).getOrDefault("done", 0L);
      List<SignedDelivery> burst =
          signed(
              one,
              new WebhookBodies(label.startsWith("two") ? 80_000_000L : 90_000_000L),
              label + "-",
              settings.burstDeliveries());
      long start = System.nanoTime();
      List<Sent> sent = sendDeliveries(one, burst, n -> {});
      long lastAck = sent.stream().mapToLong(Sent::answeredNanos).max().orElse(start);
      awaitCount(
          () -> queues.inboxStates(tenant.id()).getOrDefault("done", 0L),
          doneBefore + settings.burstDeliveries());
      long applied = System.nanoTime();
      long pushesBefore = queues.pushStates(tenant.id()).getOrDefault("done", 0L);
      long pushStart = System.nanoTime();
      sendPushes(one, settings.burstPushes(), jobId, label);
      awaitCount(
          () -> queues.pushStates(tenant.id()).getOrDefault("done", 0L),
          pushesBefore + settings.burstPushes());
      long pushed = System.nanoTime();
      return Optional.of(
          new Rates(
              settings.burstDeliveries() / ((lastAck - start) / 1e9),
              settings.burstDeliveries() / ((applied - start) / 1e9),
              settings.burstPushes() / ((pushed - pushStart) / 1e9)));
    }

    private static void awaitCount(java.util.function.LongSupplier count, long target)
        throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (count.getAsLong() < target) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a burst did not finish: " + count.getAsLong());
        }
        Thread.sleep(50);
      }
    }

    /**
     * Both instances' JVMs warm up (the children run C1 only) on a tenant of their own before
     * anything is measured: deliveries and pushes through both, until applied and done.
     */
    private void warmUp(ActiveTenant tenant, long jobId, String run) throws InterruptedException {
      List<ActiveTenant> one = List.of(tenant);
      sendDeliveries(
          one,
          signed(one, new WebhookBodies(70_000_000L), "warm-", settings.warmupDeliveries()),
          n -> {});
      sendPushes(one, settings.warmupPushes(), jobId, "warm" + run);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (System.nanoTime() < deadline) {
        Map<String, Long> inbox = queues.inboxStates(tenant.id());
        Map<String, Long> pushes = queues.pushStates(tenant.id());
        if (inbox.getOrDefault("done", 0L) == settings.warmupDeliveries()
            && pushes.getOrDefault("done", 0L) == settings.warmupPushes()) {
          return;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("the warm-up did not finish");
    }

    /** Deliveries of {@code application_updated}, one application each, spread over tenants. */
    private static List<SignedDelivery> signed(
        List<ActiveTenant> tenants, WebhookBodies bodies, String prefix, int count) {
      List<SignedDelivery> deliveries = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        deliveries.add(
            SignedDelivery.sign(
                prefix + i,
                bodies.body("application_updated", i),
                tenants.get(i % tenants.size()).secret()));
      }
      return deliveries;
    }

    private List<Sent> sendDeliveries(
        List<ActiveTenant> tenants, List<SignedDelivery> deliveries, IntConsumer afterAck)
        throws InterruptedException {
      return sendDeliveries(tenants, deliveries, afterAck, 0);
    }

    private List<Sent> sendDeliveries(
        List<ActiveTenant> tenants,
        List<SignedDelivery> deliveries,
        IntConsumer afterAck,
        int perSecond)
        throws InterruptedException {
      return new SpreadSender(settings.deliveryConnections(), Duration.ofMinutes(2), perSecond)
          .send(
              deliveries.size(),
              live::get,
              (i, to) -> delivery(tenants.get(i % tenants.size()), deliveries.get(i), to),
              200,
              afterAck);
    }

    private List<Sent> sendPushes(List<ActiveTenant> tenants, int count, long jobId, String run) {
      return sendPushes(tenants, count, jobId, run, 0);
    }

    private List<Sent> sendPushes(
        List<ActiveTenant> tenants, int count, long jobId, String run, int perSecond) {
      try {
        return new SpreadSender(settings.pushConnections(), Duration.ofMinutes(2), perSecond)
            .send(
                count,
                live::get,
                (j, to) -> push(tenants.get(j % tenants.size()), to, jobId, run, j),
                202,
                n -> {});
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static HttpRequest delivery(ActiveTenant tenant, SignedDelivery d, Instance to) {
      return HttpRequest.newBuilder(to.baseUrl().resolve(tenant.endpointPath()))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .header("Signature", d.signature())
          .header("Greenhouse-Event-ID", d.eventId())
          .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
          .build();
    }

    private static HttpRequest push(
        ActiveTenant tenant, Instance to, long jobId, String run, int j) {
      String body =
          "{\"acting_user_id\":\"rec-1\",\"person\":{\"first_name\":\"Two\",\"last_name\":\"Proc"
              + j
              + "\",\"email_addresses\":[{\"value\":\""
              + email(run, j)
              + "\",\"type\":\"personal\"}]},\"target\":{\"type\":\"candidate\",\"job_id\":"
              + jobId
              + "}}";
      return HttpRequest.newBuilder(to.baseUrl().resolve(tenant.api() + "/pushes"))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + tenant.token())
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", "twoproc-" + run + "-" + j)
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    private static String email(String run, int j) {
      return "twoproc-" + run + "-" + j + "@example.com";
    }

    private Result result(
        Settings settings,
        List<ActiveTenant> busy,
        ActiveTenant syncing,
        WebhookBodies bodies,
        List<Sent> delivered,
        List<Sent> pushed,
        String run,
        Takeover takeover) {
      Map<String, Long> inbox = new TreeMap<>();
      List<Map<Long, Long>> applied = new ArrayList<>();
      for (ActiveTenant tenant : busy) {
        queues.inboxStates(tenant.id()).forEach((k, v) -> inbox.merge(k, v, Long::sum));
        applied.add(queues.eventsPerApplication(tenant.id(), "application_updated"));
      }
      long mirrored = 0;
      for (int t = 0; t < busy.size(); t++) {
        mirrored +=
            queues.mirroredApplications(
                busy.get(t).id(),
                bodies.applicationId(0),
                bodies.applicationId(settings.deliveries() - 1));
      }
      List<Long> twice = new ArrayList<>();
      List<Long> never = new ArrayList<>();
      for (int i = 0; i < settings.deliveries(); i++) {
        long events = applied.get(i % 2).getOrDefault(bodies.applicationId(i), 0L);
        if (events == 0) {
          never.add(bodies.applicationId(i));
        } else if (events > 1) {
          twice.add(bodies.applicationId(i));
        }
      }

      Map<String, Long> pushStates = new TreeMap<>();
      Map<String, Long> events = new HashMap<>();
      for (ActiveTenant tenant : busy) {
        queues.pushStates(tenant.id()).forEach((k, v) -> pushStates.merge(k, v, Long::sum));
        events.putAll(queues.pushedEvents(tenant.id()));
      }
      List<String> ids = new ArrayList<>();
      List<String> withoutOneEvent = new ArrayList<>();
      List<String> notOnce = new ArrayList<>();
      for (int j = 0; j < pushed.size(); j++) {
        Sent sent = pushed.get(j);
        if (sent.status() == 202) {
          String id = TenantSetup.read(sent.body()).path("id").asText();
          ids.add(id);
          if (events.getOrDefault(id, 0L) != 1) {
            withoutOneEvent.add(id + " (" + events.getOrDefault(id, 0L) + " events)");
          }
        }
        JsonNode found =
            TenantSetup.harvest(
                pushGreenhouse,
                PUSH_KEY_1,
                "/v1/candidates?email=" + URLEncoder.encode(email(run, j), StandardCharsets.UTF_8));
        if (found.size() != 1) {
          notOnce.add(email(run, j) + " x" + found.size());
        }
      }
      return new Result(
          settings.deliveries(),
          notAccepted(delivered, 200),
          inbox,
          mirrored,
          twice,
          never,
          settings.pushes(),
          notAccepted(pushed, 202),
          (int) ids.stream().distinct().count(),
          pushStates,
          withoutOneEvent,
          notOnce,
          killed.heldBackfill(),
          takeover,
          queues.progress(syncing.id(), "candidates").orElseThrow(),
          settings.syncPages(),
          settings.syncCandidates(),
          queues.mirroredCandidates(syncing.id()));
    }

    private void print(
        Killed kill,
        Takeover takeover,
        List<Sent> delivered,
        List<ActiveTenant> busy,
        long loadStart,
        Instant loadStartedAt,
        String loadBefore) {
      int ackedBefore = 0;
      int ackedAfter = 0;
      long lastAck = kill.nanos();
      for (Sent sent : delivered) {
        if (sent.status() == 200 && sent.answeredNanos() <= kill.nanos()) {
          ackedBefore++;
        } else if (sent.status() == 200) {
          ackedAfter++;
          lastAck = Math.max(lastAck, sent.answeredNanos());
        }
      }
      // the pushes the killed instance held wait for the takeover: counted apart
      Map<String, Instant> doneAt =
          queues.pushesDoneAt(busy.stream().map(ActiveTenant::id).toList());
      List<Instant> done =
          doneAt.entrySet().stream()
              .filter(e -> !kill.held().pushes().contains(e.getKey()))
              .map(Map.Entry::getValue)
              .sorted()
              .toList();
      long doneBefore = done.stream().filter(t -> t.isBefore(kill.at())).count();
      Instant lastDone = done.isEmpty() ? kill.at() : done.get(done.size() - 1);
      double twoSeconds = (kill.nanos() - loadStart) / 1e9;
      double oneSeconds = (lastAck - kill.nanos()) / 1e9;
      double pushTwo = Duration.between(loadStartedAt, kill.at()).toMillis() / 1e3;
      double pushOne = Duration.between(kill.at(), lastDone).toMillis() / 1e3;
      out.printf(
          "two-instances db=%s deliveries=%d pushes=%d sync_candidates=%d page_latency_ms=%d"
              + " takeover_s=%d paced=%s%n"
              + "  two instances: %d deliveries acked in %.2f s = %.0f/s; %d pushes done in %.2f s"
              + " = %.1f/s%n"
              + "  one instance (after the SIGKILL): %d deliveries acked in %.2f s = %.0f/s;"
              + " %d more pushes done in %.2f s = %.1f/s%n"
              + "  killed held: %d deliveries, %d pushes, the backfill at candidate page %d of %d%n"
              + "  finished by the survivor after the SIGKILL: deliveries %s, pushes %s,"
              + " backfill picked up %s and done %s (fewest pages after the kill: %d)%n"
              + "  sync_requests=%d (one uninterrupted backfill: %d) load_avg before=%s after=%s"
              + " cores=%d%n",
          db,
          settings.deliveries(),
          settings.pushes(),
          settings.syncCandidates(),
          settings.pageLatency().toMillis(),
          settings.takeover().toSeconds(),
          settings.deliveriesPerSecond() == 0 && settings.pushesPerSecond() == 0
              ? "no"
              : settings.deliveriesPerSecond()
                  + "_deliveries_"
                  + settings.pushesPerSecond()
                  + "_pushes_per_s",
          ackedBefore,
          twoSeconds,
          ackedBefore / twoSeconds,
          doneBefore,
          pushTwo,
          doneBefore / pushTwo,
          ackedAfter,
          oneSeconds,
          ackedAfter / Math.max(oneSeconds, 1e-3),
          done.size() - doneBefore,
          pushOne,
          (done.size() - doneBefore) / Math.max(pushOne, 1e-3),
          kill.held().deliveries().size(),
          kill.held().pushes().size(),
          kill.syncPages(),
          settings.syncPages(),
          seconds(takeover.deliveriesFinishedAfter()),
          seconds(takeover.pushesFinishedAfter()),
          seconds(takeover.syncRevivedAfter()),
          seconds(takeover.syncFinishedAfter()),
          takeover.fewestSyncPagesAfterKill(),
          syncGreenhouse.requestCount(SYNC_KEY) - syncRequestsBefore,
          settings.syncPages() + 7,
          loadBefore,
          loadAverage(),
          Runtime.getRuntime().availableProcessors());
    }
  }

  private static List<Integer> notAccepted(List<Sent> sent, int accepted) {
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      if (sent.get(i).status() != accepted) {
        missing.add(i);
      }
    }
    return missing;
  }

  private static Duration after(Scenario.Killed kill, Instant t) {
    return Duration.between(kill.at(), t);
  }

  private static String seconds(Optional<Duration> d) {
    return d.map(x -> String.format("%.1f s", x.toMillis() / 1e3)).orElse("n/a");
  }

  private static GreenhouseSandbox sandbox(String key, int candidates) {
    return GreenhouseSandbox.builder()
        .apiKey(key)
        .seed(SandboxSeed.DEMO)
        .candidates(candidates)
        .rateLimit(0)
        .v3RateLimit(0)
        .start();
  }

  private static CompletableFuture<ConnectorProcess> startAsync(
      Path dir, String admin, String name, Map<String, String> env) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return ConnectorProcess.start(dir, admin, name, STARTUP, env);
          } catch (Exception e) {
            throw new IllegalStateException("instance " + name + " did not start", e);
          }
        });
  }

  private static void closeQuietly(ConnectorProcess child) {
    try {
      child.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** The 1-minute load average, from {@code /proc/loadavg} where there is one. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "n/a";
    }
  }
}
