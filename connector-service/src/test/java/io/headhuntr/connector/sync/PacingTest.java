package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.NewNote;
import io.headhuntr.harvest.UserFilter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PacingTest {

  @Test
  void the_sync_waits_for_the_next_window_and_leaves_its_reserve_to_a_push() throws Exception {
    // 8 calls per 10 s; the sync reads leave 2 of them to writes: 6 reads, then a wait
    try (SyncFixture f = new SyncFixture(300, 8);
        SyncService sync =
            f.service(SyncFixture.fastConfig().withReadReserve(2), SyncObserver.NONE)) {
      f.sandbox.addApiKey("other-key", Set.of("*"));
      HarvestClient other = f.clientFor("other-key");
      long user =
          other
              .users()
              .list(UserFilter.all())
              .filter(u -> !u.disabled())
              .findFirst()
              .orElseThrow()
              .id();
      long candidate =
          other.candidates().list(CandidateFilter.all()).findFirst().orElseThrow().id();

      long started = System.nanoTime();
      CompletableFuture<PassResult> pass =
          CompletableFuture.supplyAsync(() -> sync.runPass(f.tenant));
      await()
          .atMost(Duration.ofSeconds(8))
          .until(() -> f.sandbox.requestCount(SyncFixture.KEY) >= 6);

      long pushStarted = System.nanoTime();
      f.client
          .onBehalfOf(GreenhouseUserId.of(user))
          .candidates()
          .addNote(candidate, new NewNote(user, "pushed while the sync waits", "public"));
      double pushSeconds = (System.nanoTime() - pushStarted) / 1e9;

      PassResult result = pass.get();
      double passSeconds = (System.nanoTime() - started) / 1e9;

      assertThat(result.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      assertThat(pushSeconds).as("the push used the reserve, not the next window").isLessThan(5);
      assertThat(passSeconds).as("the last reads waited for the next window").isGreaterThan(9);
      assertThat(f.sandbox.rateLimitedCount(SyncFixture.KEY)).isZero();
      // 6 reference lists + jobs + 1 candidate page, and the push
      assertThat(f.sandbox.requestCount(SyncFixture.KEY)).isEqualTo(9);
      assertThat(f.count("mirror_candidate")).isEqualTo(300);
    }
  }
}
