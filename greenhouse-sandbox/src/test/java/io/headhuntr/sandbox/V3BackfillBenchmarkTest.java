package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.harvest.v3.ApplicationPartQuery;
import io.headhuntr.harvest.v3.ApplicationQuery;
import io.headhuntr.harvest.v3.CandidateQuery;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: a v3 backfill (every candidate, every application, every application
 * stage, by cursor pages of {@code bench.perPage}) through the v3 client against an in-process
 * sandbox limiting the credential to {@code bench.rateLimit} requests per 30 s, on real time.
 * Prints requests used against the minimum (one per page), wall time against the bound (requests x
 * 30 s / limit) and the 429s. Skipped unless {@code -Dbench=true}; see docs/benchmarks.md.
 */
class V3BackfillBenchmarkTest {

  @Test
  void v3_backfill_at_the_rate_limit() {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
    int people = Integer.getInteger("bench.candidates", 20_000);
    int limit = Integer.getInteger("bench.rateLimit", 150);
    int perPage = Integer.getInteger("bench.perPage", 500);
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder().candidates(people).v3RateLimit(limit).start()) {
      ClientCredentials custom = sandbox.demoCustomClient();
      HarvestV3Client harvest =
          HarvestV3Client.builder()
              .tokenSource(
                  TokenSource.clientCredentials(
                      custom.clientId(), ClientSecret.of(custom.secret().value())))
              .harvestUrl(sandbox.baseUrl())
              .authUrl(sandbox.baseUrl())
              .requestTimeout(Duration.ofSeconds(60))
              .build();

      long started = System.nanoTime();
      long candidates = harvest.candidates().list(CandidateQuery.all().perPage(perPage)).count();
      long applications =
          harvest.applications().list(ApplicationQuery.all().perPage(perPage)).count();
      long stages =
          harvest.applicationStages().list(ApplicationPartQuery.all().perPage(perPage)).count();
      double wall = (System.nanoTime() - started) / 1e9;

      long requests = sandbox.requestCount(custom.clientId());
      long minimum =
          pages(candidates, perPage) + pages(applications, perPage) + pages(stages, perPage);
      double bound = requests * 30.0 / limit;
      System.out.printf(
          "v3-backfill-benchmark candidates=%d applications=%d application_stages=%d"
              + " rate_limit=%d/30s per_page=%d requests=%d minimum_requests=%d token_requests=%d"
              + " rate_limited=%d wall_s=%.2f bound_s=%.1f wall_over_bound=%.3f%n",
          candidates,
          applications,
          stages,
          limit,
          perPage,
          requests,
          minimum,
          sandbox.tokenRequestCount(custom.clientId()),
          sandbox.rateLimitedCount(custom.clientId()),
          wall,
          bound,
          wall / bound);
      assertThat(candidates).isEqualTo(people);
      assertThat(sandbox.rateLimitedCount(custom.clientId())).isZero();
    }
  }

  /** The fewest requests a listing can take: one per page of {@code perPage}. */
  private static long pages(long items, int perPage) {
    return Math.max(1, (items + perPage - 1) / perPage);
  }
}
