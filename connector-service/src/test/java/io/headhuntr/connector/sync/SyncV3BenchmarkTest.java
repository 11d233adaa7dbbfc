package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.bench.ProcessCpu;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.headhuntr.connector.greenhouse.HarvestV3Adapter;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The v1-beside-v3 backfill benchmark of docs/benchmarks.md; skipped unless {@code -Dbench=true}.
 * One in-process sandbox of {@code bench.candidates} people serves both APIs over one account. Each
 * of {@code bench.rounds} rounds (default 2) measures a bare read (the v1 backfill's pages fetched
 * over plain HTTP, nothing parsed or written: the baseline), one backfill of a fresh tenant on a
 * Harvest v1 key ({@link HarvestV1Adapter}) and one of a fresh tenant on v3 client credentials
 * ({@link HarvestV3Adapter} over {@link HarvestV3Client}, built as {@code HarvestConnections}
 * builds it), in alternating order, then the bare read again; it prints {@code sync-v3-benchmark
 * ...} lines and checks that both mirrors hold the same applications. Requests are what the sandbox
 * counted per credential, split by path from the Harvest clients' own per-attempt log; CPU seconds
 * are this JVM's (the sync and the in-process sandbox) and PostgreSQL's. {@code bench.rateLimit}
 * (v1, per 10 s) and {@code bench.v3RateLimit} (v3, per rolling 30 s) make the run rate-bound
 * instead (the bare read is then skipped: its key would be limited too, and the bound is the
 * baseline); {@code bench.reserve} is the sync's reserve per window (default 2).
 */
class SyncV3BenchmarkTest {
  private static final String KEY = "bench-v1-key";
  private static final String BARE_KEY = "bench-bare-key";

  /** What the v1 backfill lists, each read whole by pages of 500. */
  private static final String[] V1_LISTS = {
    "/v1/users",
    "/v1/departments",
    "/v1/sources",
    "/v1/prospect_pools",
    "/v1/job_stages",
    "/v1/job_posts",
    "/v1/jobs",
    "/v1/candidates"
  };

  @Test
  void backfill_over_v1_and_v3_side_by_side() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "skipped: run with -Dbench=true");
    int people = Integer.getInteger("bench.candidates", 20_000);
    int v1Limit = Integer.getInteger("bench.rateLimit", 0);
    int v3Limit = Integer.getInteger("bench.v3RateLimit", 0);
    int reserve = Integer.getInteger("bench.reserve", 2);
    int rounds = Integer.getInteger("bench.rounds", 2);
    boolean throttled = v1Limit > 0 || v3Limit > 0;
    Database database = TestDatabase.shared();
    RequestsByPath paths = RequestsByPath.install();
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder()
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(people)
            .rateLimit(v1Limit)
            .v3RateLimit(v3Limit)
            .start()) {
      sandbox.addApiKey(BARE_KEY, Set.of("*"));
      ClientCredentials custom = sandbox.demoCustomClient();
      Greenhouse v1 =
          new HarvestV1Adapter(
              HarvestClient.builder()
                  .apiKey(HarvestApiKey.of(KEY))
                  .baseUrl(sandbox.baseUrl())
                  .connectTimeout(Duration.ofSeconds(5))
                  .requestTimeout(Duration.ofSeconds(60))
                  .build());
      Greenhouse v3 =
          new HarvestV3Adapter(
              HarvestV3Client.builder()
                  .tokenSource(
                      TokenSource.clientCredentials(
                          custom.clientId(), ClientSecret.of(custom.secret().value())))
                  .harvestUrl(sandbox.baseUrl())
                  .authUrl(sandbox.baseUrl())
                  .connectTimeout(Duration.ofSeconds(5))
                  .requestTimeout(Duration.ofSeconds(60))
                  .build());
      Run overV1 =
          new Run(
              "v1",
              v1,
              () -> sandbox.requestCount(KEY),
              () -> sandbox.rateLimitedCount(KEY),
              () -> 0L);
      Run overV3 =
          new Run(
              "v3",
              v3,
              () -> sandbox.requestCount(custom.clientId()),
              () -> sandbox.rateLimitedCount(custom.clientId()),
              () -> sandbox.tokenRequestCount(custom.clientId()));
      for (int round = 1; round <= rounds; round++) {
        double bareBefore =
            throttled ? Double.NaN : bareRead(sandbox, round, ProcessCpu.of(database));
        // the first API of a round runs on a JVM the other warmed less: alternate the order
        Run first = round % 2 == 1 ? overV1 : overV3;
        Run second = first == overV1 ? overV3 : overV1;
        settle(database);
        Result a = backfill(first, database, reserve, paths);
        settle(database);
        Result b = backfill(second, database, reserve, paths);
        double bareAfter =
            throttled ? Double.NaN : bareRead(sandbox, round, ProcessCpu.of(database));
        double bare = (bareBefore + bareAfter) / 2;
        Result r1 = first == overV1 ? a : b;
        Result r3 = first == overV1 ? b : a;
        print(round, r1, v1Limit, 10, reserve, bare);
        print(round, r3, v3Limit, 30, reserve, bare);
        System.out.printf(
            "sync-v3-benchmark round=%d order=%s,%s v3_wall_over_v1_wall=%.2f"
                + " v3_requests_over_v1=%.1f%n",
            round,
            first.api,
            second.api,
            r3.seconds / r1.seconds,
            r3.requests / (double) r1.requests);

        assertThat(r1.candidates).isEqualTo(people);
        assertThat(r3.candidates).isEqualTo(people);
        assertThat(r3.applications).isEqualTo(r1.applications);
        assertThat(r1.limited + r3.limited).isZero();
        long differing = differingApplications(database, r1.tenant, r3.tenant);
        System.out.printf(
            "sync-v3-benchmark round=%d applications_differing_v1_v3=%d (candidate, status,"
                + " prospect, current stage, jobs)%n",
            round, differing);
        assertThat(differing).isZero();
      }
    } finally {
      paths.uninstall();
    }
  }

  /** One API's side of the run: the tenant's Greenhouse and the sandbox's counters for it. */
  private record Run(
      String api, Greenhouse greenhouse, Count requests, Count limited, Count tokens) {}

  private record Result(
      String api,
      UUID tenant,
      long candidates,
      long applications,
      double seconds,
      long requests,
      long limited,
      long tokens,
      Map<String, Long> byPath,
      ProcessCpu.Reading cpu,
      int waits) {}

  private interface Count {
    long get();
  }

  /** One backfill of a fresh tenant. */
  private static Result backfill(Run run, Database database, int reserve, RequestsByPath paths) {
    UUID tenant = UUID.randomUUID();
    SyncConfig config =
        SyncConfig.defaults().withReadReserve(reserve).withRetries(3, Duration.ofSeconds(1));
    try (SyncService sync =
        new SyncService(
            database.jdbi(),
            new MirrorStore(),
            id -> Optional.of(run.greenhouse),
            config,
            Clock.systemUTC(),
            SyncObserver.NONE)) {
      sync.prepare(tenant);
      long requestsBefore = run.requests.get();
      long limitedBefore = run.limited.get();
      long tokensBefore = run.tokens.get();
      paths.reset();
      ProcessCpu cpu = ProcessCpu.of(database);
      ProcessCpu.Reading cpuBefore = cpu.read();
      long start = System.nanoTime();
      // as the scheduler runs it: a pass that stops for the rate limit continues at its time
      SyncRuns.Settled settled = SyncRuns.run(sync, tenant);
      PassResult result = settled.result();
      double seconds = (System.nanoTime() - start) / 1e9;
      ProcessCpu.Reading used = cpu.read().since(cpuBefore);
      assertThat(result.outcome()).as(result.toString()).isEqualTo(PassResult.Outcome.COMPLETED);
      return new Result(
          run.api,
          tenant,
          count(database, tenant, "mirror_candidate"),
          count(database, tenant, "mirror_application"),
          seconds,
          run.requests.get() - requestsBefore,
          run.limited.get() - limitedBefore,
          run.tokens.get() - tokensBefore,
          paths.snapshot(),
          used,
          settled.waits());
    }
  }

  private static void print(int round, Result r, int limit, int window, int reserve, double bare) {
    double rows = r.candidates + r.applications;
    String bound = limit == 0 ? "n/a" : String.format("%.1f", r.requests * (double) window / limit);
    System.out.printf(
        "sync-v3-benchmark round=%d api=%s candidates=%d applications=%d rate_limit=%s reserve=%d"
            + " wall_s=%.2f requests=%d token_requests=%d rate_limited=%d bound_s=%s"
            + " candidates_per_s=%.0f rows_per_s=%.0f bare_read_s=%s wall_over_bare=%s"
            + " cpu_s_jvm=%.1f cpu_s_postgres=%.1f stops_to_wait=%d%n"
            + "  requests_by_path=%s%n",
        round,
        r.api,
        r.candidates,
        r.applications,
        limit == 0 ? "off" : limit + "/" + window + "s",
        reserve,
        r.seconds,
        r.requests,
        r.tokens,
        r.limited,
        bound,
        r.candidates / r.seconds,
        rows / r.seconds,
        Double.isNaN(bare) ? "n/a" : String.format("%.2f", bare),
        Double.isNaN(bare) ? "n/a" : String.format("%.2f", r.seconds / bare),
        r.cpu.jvmSeconds(),
        r.cpu.postgresSeconds(),
        r.waits,
        r.byPath);
  }

  /**
   * The baseline: every page the v1 backfill reads (each list by pages of 500, following {@code
   * Link: rel="next"}), fetched one after another over plain HTTP and thrown away. Answers the
   * seconds it took.
   */
  private static double bareRead(GreenhouseSandbox sandbox, int round, ProcessCpu cpu)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String auth =
        "Basic "
            + Base64.getEncoder().encodeToString((BARE_KEY + ":").getBytes(StandardCharsets.UTF_8));
    Pattern next = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    long pages = 0;
    long bytes = 0;
    ProcessCpu.Reading cpuBefore = cpu.read();
    long start = System.nanoTime();
    for (String list : V1_LISTS) {
      URI uri = sandbox.baseUrl().resolve(list + "?per_page=500");
      while (uri != null) {
        HttpResponse<byte[]> page =
            http.send(
                HttpRequest.newBuilder(uri).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (page.statusCode() != 200) {
          throw new IllegalStateException(list + " answered " + page.statusCode());
        }
        pages++;
        bytes += page.body().length;
        Matcher link = next.matcher(page.headers().firstValue("Link").orElse(""));
        uri = link.find() ? URI.create(link.group(1)) : null;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "sync-v3-benchmark round=%d bare_read pages=%d mb=%d wall_s=%.2f cpu_s_jvm=%.1f%n",
        round, pages, bytes / (1024 * 1024), seconds, cpu.read().since(cpuBefore).jvmSeconds());
    return seconds;
  }

  /**
   * Vacuums and analyzes the mirror's big tables outside the timing, so the autovacuum one backfill
   * sets off does not land in the next one's time (seen: PostgreSQL's CPU 5x and the wall time 2x
   * for the backfill right after a 100,000-person one).
   */
  private static void settle(Database database) {
    database
        .jdbi()
        .useHandle(
            h -> {
              for (String table :
                  new String[] {
                    "mirror_candidate", "mirror_candidate_email", "mirror_application"
                  }) {
                h.execute("vacuum analyze " + table);
              }
              h.execute("checkpoint");
            });
  }

  /** Applications whose status, prospect flag, current stage or jobs differ between tenants. */
  private static long differingApplications(Database database, UUID a, UUID b) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from (select * from mirror_application where tenant_id ="
                            + " :a) x full join (select * from mirror_application where tenant_id"
                            + " = :b) y using (application_id) where x.application_id is null or"
                            + " y.application_id is null or x.candidate_id is distinct from"
                            + " y.candidate_id or x.status is distinct from y.status or x.prospect"
                            + " is distinct from y.prospect or x.current_stage_id is distinct from"
                            + " y.current_stage_id or x.current_stage_name is distinct from"
                            + " y.current_stage_name or x.job_ids is distinct from y.job_ids")
                    .bind("a", a)
                    .bind("b", b)
                    .mapTo(Long.class)
                    .one());
  }

  private static long count(Database database, UUID tenant, String table) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from " + table + " where tenant_id = :t")
                    .bind("t", tenant)
                    .mapTo(Long.class)
                    .one());
  }

  /**
   * Counts the Harvest clients' HTTP attempts by path from their per-attempt log ({@code
   * io.headhuntr.harvest}, debug level: method, path, status), for as long as it is installed.
   */
  static final class RequestsByPath extends Handler {
    private final Logger logger = Logger.getLogger("io.headhuntr.harvest");
    private final Level previous = logger.getLevel();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    static RequestsByPath install() {
      RequestsByPath handler = new RequestsByPath();
      handler.setLevel(Level.ALL);
      handler.logger.setLevel(Level.FINE);
      handler.logger.addHandler(handler);
      return handler;
    }

    void uninstall() {
      logger.removeHandler(this);
      logger.setLevel(previous);
    }

    void reset() {
      counts.clear();
    }

    /** Attempts so far by {@code METHOD path}, ids in paths shown as N. */
    Map<String, Long> snapshot() {
      Map<String, Long> copy = new TreeMap<>();
      counts.forEach((k, v) -> copy.put(k, v.get()));
      return copy;
    }

    @Override
    public void publish(LogRecord record) {
      Object[] p = record.getParameters();
      if (p == null || p.length < 2) {
        return;
      }
      String path = String.valueOf(p[1]).replaceAll("/\\d+", "/N");
      counts.computeIfAbsent(p[0] + " " + path, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
