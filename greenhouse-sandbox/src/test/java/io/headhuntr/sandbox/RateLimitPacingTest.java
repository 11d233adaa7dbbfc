package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.harvest.ApplicationFilter;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.PageOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * harvest-client paces itself under the sandbox's limit (10 calls per 10 s here): two threads
 * sharing one client make twice the limit in calls and the sandbox answers not a single 429.
 */
class RateLimitPacingTest {

  @Test
  void two_threads_sharing_a_client_stay_under_the_limit_without_a_single_429() {
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder().apiKey("PACED").candidates(150).rateLimit(10).start()) {
      HarvestClient harvest =
          HarvestClient.builder()
              .apiKey(HarvestApiKey.of("PACED"))
              .baseUrl(sandbox.baseUrl())
              .requestTimeout(Duration.ofSeconds(30))
              .build();
      PageOptions small = PageOptions.defaults().withPerPage(20);

      CompletableFuture<Long> candidates =
          CompletableFuture.supplyAsync(
              () -> harvest.candidates().list(CandidateFilter.all(), small).count());
      CompletableFuture<Long> applications =
          CompletableFuture.supplyAsync(
              () -> harvest.applications().list(ApplicationFilter.all(), small).count());

      assertThat(candidates.join()).isEqualTo(150);
      assertThat(applications.join()).isGreaterThan(150);
      assertThat(sandbox.requestCount("PACED"))
          .as("more calls than one window allows")
          .isGreaterThan(15);
      assertThat(sandbox.rateLimitedCount("PACED")).isZero();
    }
  }
}
