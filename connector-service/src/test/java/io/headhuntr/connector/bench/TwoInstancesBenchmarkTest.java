package io.headhuntr.connector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TwoInstances} at a size of one's choosing ({@code -Dbench.deliveries}, {@code
 * bench.pushes}, {@code bench.candidates}, ...); skipped unless {@code -Dbench=true}. It prints the
 * {@code two-instances ...} figures and fails only when something was lost or done twice.
 */
class TwoInstancesBenchmarkTest {

  @Test
  void two_instances_one_killed(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
      throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "skipped: run with -Dbench=true");

    TwoInstances.Result run =
        TwoInstances.run(TwoInstances.Settings.fromProperties(), dir, System.out);

    assertThat(run.deliveriesNeverAccepted()).isEmpty();
    assertThat(run.inboxStates()).containsOnlyKeys("done");
    assertThat(run.applicationsAppliedTwice()).isEmpty();
    assertThat(run.deliveriesNeverApplied()).isEmpty();
    assertThat(run.pushStates()).containsOnlyKeys("done");
    assertThat(run.pushesWithoutOneEvent()).isEmpty();
    assertThat(run.emailsNotInGreenhouseOnce()).isEmpty();
    assertThat(run.syncCandidates().state()).isEqualTo("done");
    assertThat(run.syncCandidatesMirrored()).isEqualTo(run.syncCandidatesInGreenhouse());
  }
}
