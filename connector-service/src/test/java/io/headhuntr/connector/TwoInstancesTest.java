package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.bench.TwoInstances;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connector processes ({@code connector serve}, child JVMs) on one PostgreSQL, webhooks, pushes
 * and sync spread over both, one SIGKILLed in the middle (see {@link TwoInstances}): every delivery
 * is applied once, every push is done once with one person in Greenhouse, and the backfill the
 * killed instance was running is finished by the survivor from its checkpoint. Claims of a silent
 * instance are taken over after {@code CONNECTOR_TAKEOVER_AFTER} (8 s here).
 */
// child processes: a hung child fails the test instead of hanging the build
@Timeout(
    value = 6,
    unit = java.util.concurrent.TimeUnit.MINUTES,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TwoInstancesTest {

  @Test
  void a_sigkilled_instance_loses_nothing_and_duplicates_nothing_and_its_backfill_resumes(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    TwoInstances.Settings settings = TwoInstances.Settings.test();

    TwoInstances.Result run = TwoInstances.run(settings, dir, System.out);

    TwoInstances.Takeover takeover = run.takeover();
    assertThat(run.killedHeldTheBackfill()).as("the killed instance ran the backfill").isTrue();
    assertThat(takeover.held().pushes()).as("the killed instance held pushes").isNotEmpty();

    // webhooks: every delivery answered 200 (by one instance or the other), applied exactly once
    assertThat(run.deliveriesNeverAccepted()).isEmpty();
    assertThat(run.inboxStates())
        .containsOnlyKeys("done")
        .containsEntry("done", (long) run.deliveries());
    assertThat(run.applicationsMirrored()).isEqualTo(run.deliveries());
    assertThat(run.applicationsAppliedTwice()).as("applied twice").isEmpty();
    assertThat(run.deliveriesNeverApplied()).as("never applied").isEmpty();
    if (!takeover.held().deliveries().isEmpty()) {
      assertThat(takeover.deliveriesFinishedAfter()).isPresent();
    }

    // pushes: one push per idempotency key, each done once, one person in Greenhouse each
    assertThat(run.pushesNeverAccepted()).isEmpty();
    assertThat(run.distinctPushIds()).isEqualTo(run.pushes());
    assertThat(run.pushStates())
        .containsOnlyKeys("done")
        .containsEntry("done", (long) run.pushes());
    assertThat(run.pushesWithoutOneEvent()).as("person_pushed events not exactly one").isEmpty();
    assertThat(run.emailsNotInGreenhouseOnce())
        .as("people in Greenhouse not exactly once")
        .isEmpty();
    assertThat(takeover.pushesFinishedAfter())
        .as("the killed instance's pushes finished by the survivor")
        .isPresent();

    // sync: the survivor picked the pass up and went on from the checkpoint to the end
    assertThat(takeover.syncPagesAtKill()).isBetween(1, run.expectedSyncPages() - 1);
    assertThat(takeover.syncRevivedAfter()).as("the survivor picked the pass up").isPresent();
    assertThat(takeover.fewestSyncPagesAfterKill())
        .as("the listing went on from its checkpoint, not from page 1")
        .isGreaterThanOrEqualTo(takeover.syncPagesAtKill());
    assertThat(run.syncCandidates().state()).isEqualTo("done");
    assertThat(run.syncCandidates().pages()).isEqualTo(run.expectedSyncPages());
    assertThat(run.syncCandidates().recordsSeen()).isEqualTo(run.syncCandidatesInGreenhouse());
    assertThat(run.syncCandidatesMirrored()).isEqualTo(run.syncCandidatesInGreenhouse());
    assertThat(takeover.syncFinishedAfter()).isPresent();
  }
}
