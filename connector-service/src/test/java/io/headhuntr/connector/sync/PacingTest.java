package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.NewNote;
import io.headhuntr.harvest.UserFilter;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PacingTest {

  @Test
  void a_spent_budget_ends_the_pass_at_its_checkpoint_and_leaves_the_reserve_to_a_push()
      throws Exception {
    // 8 calls per 10 s; the sync reads leave 2 of them to writes: 6 reads, then the budget is spent
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
      PassResult first = sync.runPass(f.tenant);
      double firstSeconds = (System.nanoTime() - started) / 1e9;

      // the thread is back at once, not after the window: it can serve other tenants meanwhile
      assertThat(first.outcome()).as(first.toString()).isEqualTo(PassResult.Outcome.WAITING);
      assertThat(firstSeconds).as("the pass did not sleep out the window").isLessThan(5);
      assertThat(first.resumeAt())
          .as("it continues when the window is over")
          .isBetween(Instant.now().plusSeconds(3), Instant.now().plusSeconds(12));
      assertThat(f.sandbox.requestCount(SyncFixture.KEY)).isEqualTo(6);
      SyncStatus waiting = sync.status(f.tenant);
      assertThat(waiting.state()).isEqualTo("waiting");
      SyncStatus.Resource jobs =
          waiting.resources().stream().filter(r -> r.resource().equals("jobs")).findFirst().get();
      assertThat(jobs.state()).isEqualTo("waiting");
      assertThat(jobs.resumesAt()).isEqualTo(first.resumeAt());
      assertThat(jobs.lastError()).as("waiting for the rate limit is not an error").isNull();

      long pushStarted = System.nanoTime();
      f.client
          .onBehalfOf(GreenhouseUserId.of(user))
          .candidates()
          .addNote(candidate, new NewNote(user, "pushed while the sync waits", "public"));
      double pushSeconds = (System.nanoTime() - pushStarted) / 1e9;
      assertThat(pushSeconds).as("the push used the reserve, not the next window").isLessThan(5);

      SyncRuns.Settled rest = SyncRuns.run(sync, f.tenant);
      double passSeconds = (System.nanoTime() - started) / 1e9;

      assertThat(rest.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      assertThat(passSeconds).as("the last reads waited for the next window").isGreaterThan(9);
      assertThat(f.sandbox.rateLimitedCount(SyncFixture.KEY)).isZero();
      // 6 reference lists, then (continuing where it stopped, nothing read twice) jobs and 1
      // candidate page, and the push
      assertThat(f.sandbox.requestCount(SyncFixture.KEY)).isEqualTo(9);
      assertThat(f.count("mirror_candidate")).isEqualTo(300);
      assertThat(sync.status(f.tenant).state()).isEqualTo("done");
    }
  }
}
