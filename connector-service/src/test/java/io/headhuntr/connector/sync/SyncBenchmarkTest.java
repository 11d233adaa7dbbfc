package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sync benchmark of docs/benchmarks.md; skipped unless {@code -Dbench=true}. Parameters: {@code
 * bench.candidates} (20000), {@code bench.rateLimit} (50 per 10 s; 0 = off), {@code bench.reserve}
 * (calls per window left to pushes, 2). Prints one result line.
 */
class SyncBenchmarkTest {

  @Test
  void backfill() {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "skipped: run with -Dbench=true");
    int candidates = Integer.getInteger("bench.candidates", 20_000);
    int rateLimit = Integer.getInteger("bench.rateLimit", 50);
    int reserve = Integer.getInteger("bench.reserve", 2);
    long seedStart = System.nanoTime();
    try (SyncFixture f = new SyncFixture(candidates, rateLimit);
        SyncService sync =
            f.service(
                SyncConfig.defaults().withReadReserve(reserve).withRetries(3, Duration.ofSeconds(1)),
                SyncObserver.NONE)) {
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      sync.prepare(f.tenant);
      if (Boolean.getBoolean("bench.fetchOnly")) {
        long t0 = System.nanoTime();
        long n = f.client.candidates().list(io.headhuntr.harvest.CandidateFilter.all()).count();
        System.out.printf("sync-benchmark fetch-only candidates=%d seconds=%.2f%n", n, (System.nanoTime() - t0) / 1e9);
      }
      resetPeakHeap();
      long start = System.nanoTime();
      PassResult result = sync.runPass(f.tenant);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(result.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);

      SyncStatus status = sync.status(f.tenant);
      long requests = f.sandbox.requestCount(SyncFixture.KEY);
      long limited = f.sandbox.rateLimitedCount(SyncFixture.KEY);
      long minimum = 0;
      for (SyncStatus.Resource r : status.resources()) {
        minimum += r.recordsSeen() == 0 && !r.resource().equals("applications") ? 1 : (r.recordsSeen() + 499) / 500;
      }
      minimum -= (line(status, "applications").recordsSeen() + 499) / 500;
      long mirrored = f.count("mirror_candidate");
      long applications = f.count("mirror_application");
      String report =
          String.format(
              "sync-benchmark candidates=%d applications=%d rate_limit=%d reserve=%d"
                  + " seed_s=%.1f wall_s=%.2f requests=%d minimum_requests=%d rate_limited=%d"
                  + " bound_s=%s candidates_per_s=%.0f heap_max_mb=%d heap_peak_mb=%d",
              mirrored,
              applications,
              rateLimit,
              reserve,
              seedSeconds,
              seconds,
              requests,
              minimum,
              limited,
              rateLimit == 0 ? "n/a" : String.format("%.1f", minimum * 10.0 / rateLimit),
              mirrored / seconds,
              Runtime.getRuntime().maxMemory() / (1024 * 1024),
              peakHeap() / (1024 * 1024));
      System.out.println(report);
      assertThat(mirrored).isEqualTo(candidates);
    }
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
