package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.NewApplication;
import io.headhuntr.harvest.NewCandidate;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One record the mirror cannot store (Greenhouse holds a NUL in a name; PostgreSQL refuses it)
 * never sticks a tenant's sync: the pass completes with every other record, the bad one is parked
 * with the database's reason, and the next pass that can store it takes it off the list.
 */
class ParkedRecordTest {

  @Test
  void a_record_the_mirror_cannot_store_is_parked_and_the_pass_completes() throws Exception {
    try (SyncFixture f = new SyncFixture(120);
        SyncService sync = f.service()) {
      User recruiter =
          f.client
              .users()
              .list(UserFilter.all())
              .filter(u -> !u.disabled())
              .findFirst()
              .orElseThrow();
      HarvestClient.Acting asUser = f.client.onBehalfOf(GreenhouseUserId.of(recruiter.id()));
      long jobId = f.client.jobs().list(JobFilter.all()).findFirst().orElseThrow().id();
      Candidate bad =
          asUser
              .candidates()
              .create(NewCandidate.of("Nul\u0000Byte", "Person", NewApplication.forJob(jobId)));

      PassResult result = sync.runPass(f.tenant);

      assertThat(result.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      assertThat(f.count("mirror_candidate")).isEqualTo(120);
      List<ParkedRecords.Parked> parked = sync.parked(f.tenant);
      assertThat(parked)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.resource()).isEqualTo("candidate");
                assertThat(p.id()).isEqualTo(bad.id());
                assertThat(p.reason()).startsWith("the mirror could not store it:");
              });

      // Greenhouse corrects the name: the next pass stores it and clears the parking
      f.call("PATCH", "/v1/candidates/" + bad.id(), "{\"first_name\":\"Fixed\"}", recruiter.id());
      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      Optional<CandidateRow> fixed =
          f.database.jdbi().withHandle(h -> f.mirror.candidates().find(h, f.tenant, bad.id()));
      assertThat(fixed).map(CandidateRow::firstName).contains("Fixed");
      assertThat(sync.parked(f.tenant)).isEmpty();
    }
  }
}
