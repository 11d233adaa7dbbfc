package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sync benchmark of docs/benchmarks.md; skipped unless {@code -Dbench=true}. It backfills one
 * tenant from a sandbox and prints one {@code sync-benchmark ...} line. Parameters: {@code
 * bench.sandboxUrl} and {@code bench.key} (a sandbox already running in its own process, e.g.
 * {@code connector sandbox --candidates 100000 --rate-limit 0}; without them an in-process sandbox
 * of {@code bench.candidates} people at {@code bench.rateLimit} is started), {@code bench.reserve}
 * (calls per window left to pushes, default 2).
 */
class SyncBenchmarkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void backfill() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "skipped: run with -Dbench=true");
    int reserve = Integer.getInteger("bench.reserve", 2);
    String external = System.getProperty("bench.sandboxUrl");
    if (external != null) {
      String key = System.getProperty("bench.key", "bench-key");
      HarvestClient client =
          HarvestClient.builder()
              .apiKey(HarvestApiKey.of(key))
              .baseUrl(URI.create(external))
              .requestTimeout(Duration.ofSeconds(60))
              .build();
      Database database = TestDatabase.shared();
      UUID tenant = UUID.randomUUID();
      JsonNode before = stats(external);
      try (SyncService sync =
          new SyncService(
              database.jdbi(),
              new MirrorStore(),
              id -> Optional.of(new HarvestV1Adapter(client)),
              config(reserve),
              Clock.systemUTC(),
              SyncObserver.NONE)) {
        measure(
            sync,
            tenant,
            database,
            () -> requests(stats(external)) - requests(before),
            () -> limited(stats(external)) - limited(before),
            before.path("rate_limit").asInt(),
            reserve);
      }
      return;
    }
    int candidates = Integer.getInteger("bench.candidates", 20_000);
    int rateLimit = Integer.getInteger("bench.rateLimit", 50);
    try (SyncFixture f = new SyncFixture(candidates, rateLimit);
        SyncService sync = f.service(config(reserve), SyncObserver.NONE)) {
      measure(
          sync,
          f.tenant,
          f.database,
          () -> f.sandbox.requestCount(SyncFixture.KEY),
          () -> f.sandbox.rateLimitedCount(SyncFixture.KEY),
          rateLimit,
          reserve);
    }
  }

  private interface Count {
    long get() throws Exception;
  }

  private static SyncConfig config(int reserve) {
    return SyncConfig.defaults().withReadReserve(reserve).withRetries(3, Duration.ofSeconds(1));
  }

  private static void measure(
      SyncService sync,
      UUID tenant,
      Database database,
      Count requests,
      Count limited,
      int rateLimit,
      int reserve)
      throws Exception {
    sync.prepare(tenant);
    resetPeakHeap();
    long start = System.nanoTime();
    // as the scheduler runs it: a pass that stops for the rate limit continues at its time
    SyncRuns.Settled settled = SyncRuns.run(sync, tenant);
    PassResult result = settled.result();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(result.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
    SyncStatus status = sync.status(tenant);
    long minimum = 0;
    for (SyncStatus.Resource r : status.resources()) {
      if (!r.resource().equals("applications")) {
        minimum += Math.max(1, (r.recordsSeen() + 499) / 500);
      }
    }
    long mirrored = count(database, tenant, "mirror_candidate");
    long applications = count(database, tenant, "mirror_application");
    System.out.println(
        String.format(
            "sync-benchmark candidates=%d applications=%d rate_limit=%d reserve=%d"
                + " wall_s=%.2f requests=%d minimum_requests=%d rate_limited=%d bound_s=%s"
                + " candidates_per_s=%.0f heap_max_mb=%d heap_peak_mb=%d stops_to_wait=%d",
            mirrored,
            applications,
            rateLimit,
            reserve,
            seconds,
            requests.get(),
            minimum,
            limited.get(),
            rateLimit == 0 ? "n/a" : String.format("%.1f", minimum * 10.0 / rateLimit),
            mirrored / seconds,
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            peakHeap() / (1024 * 1024),
            settled.waits()));
    assertThat(mirrored).isEqualTo(line(status, "candidates").recordsSeen());
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

  private static JsonNode stats(String sandbox) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static long requests(JsonNode stats) {
    long sum = 0;
    for (JsonNode key : stats.path("keys")) {
      sum += key.path("requests").asLong();
    }
    return sum;
  }

  private static long limited(JsonNode stats) {
    long sum = 0;
    for (JsonNode key : stats.path("keys")) {
      sum += key.path("rate_limited").asLong();
    }
    return sum;
  }

  private static SyncStatus.Resource line(SyncStatus status, String resource) {
    return BackfillTest.line(status, resource);
  }

  private static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
