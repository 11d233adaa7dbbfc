package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.Api;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.ApplicationFilter;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.CandidatePatch;
import io.headhuntr.harvest.ContactDetail;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.JobStageFilter;
import io.headhuntr.harvest.NewApplication;
import io.headhuntr.harvest.NewCandidate;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Passes after the backfill, over Harvest v1 and v3: what changed in Greenhouse (made there over
 * v1, as a recruiter would) reaches the mirror, deleted reference data is tombstoned, and a
 * credential Greenhouse no longer accepts pauses the sync.
 */
class IncrementalSyncTest {

  @ParameterizedTest
  @EnumSource(Api.class)
  void changes_made_in_greenhouse_without_webhooks_appear_after_the_next_pass(Api api)
      throws Exception {
    try (SyncFixture f = new SyncFixture(api, 1_200);
        SyncService sync = f.service()) {
      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      long before = f.count("mirror_candidate");

      User recruiter =
          f.client
              .users()
              .list(UserFilter.all())
              .filter(u -> !u.disabled())
              .findFirst()
              .orElseThrow();
      HarvestClient.Acting asUser = f.client.onBehalfOf(GreenhouseUserId.of(recruiter.id()));
      Candidate edited =
          f.client
              .candidates()
              .list(CandidateFilter.all())
              .skip(f.people / 2)
              .findFirst()
              .orElseThrow();
      asUser
          .candidates()
          .update(
              edited.id(),
              CandidatePatch.empty().withCompanyAndTitle("Sync Test Co", "Poll Tester"));
      Application active =
          f.client
              .applications()
              .list(ApplicationFilter.builder().status("active").build())
              .filter(a -> !a.prospect())
              .skip(f.people / 4)
              .findFirst()
              .orElseThrow();
      f.call("POST", "/v1/applications/" + active.id() + "/reject", "{}", recruiter.id());
      long jobId = f.client.jobs().list(JobFilter.all()).findFirst().orElseThrow().id();
      Candidate created =
          asUser
              .candidates()
              .create(NewCandidate.of("Grace", "Hopper", NewApplication.forJob(jobId)));

      PassResult incremental = sync.runPass(f.tenant);

      assertThat(incremental.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      CandidateRow row = find(f, edited.id());
      assertThat(row.company()).isEqualTo("Sync Test Co");
      assertThat(row.title()).isEqualTo("Poll Tester");
      ApplicationRow rejected =
          f.database
              .jdbi()
              .withHandle(h -> f.mirror.applications().find(h, f.tenant, active.id()))
              .orElseThrow();
      assertThat(rejected.status()).isEqualTo("rejected");
      assertThat(rejected.rejectedAt()).isNotNull();
      assertThat(find(f, created.id()).lastName()).isEqualTo("Hopper");
      assertThat(f.count("mirror_candidate")).isEqualTo(before + 1);

      SyncStatus status = sync.status(f.tenant);
      SyncStatus.Resource candidates = BackfillTest.line(status, "candidates");
      assertThat(candidates.mode()).isEqualTo("incremental");
      assertThat(candidates.watermark()).isBefore(Instant.now());
      assertThat(candidates.recordsSeen())
          .as("only what changed since the backfill")
          .isLessThan(50);
      assertThat(BackfillTest.line(status, "applications").mode()).isEqualTo("incremental");
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void reference_data_deleted_in_greenhouse_is_tombstoned(Api api) throws Exception {
    try (SyncFixture f = new SyncFixture(api, 300);
        SyncService sync = f.service()) {
      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      long department = f.client.departments().list().toList().get(1).id();
      long source = f.client.sources().list().toList().get(2).id();
      long stage = f.client.jobStages().list(JobStageFilter.all()).toList().get(3).id();
      long user = f.client.users().list(UserFilter.all()).toList().get(4).id();
      long departments = f.count("mirror_department");
      f.call("DELETE", "/sandbox/departments/" + department, null, null);
      f.call("DELETE", "/sandbox/sources/" + source, null, null);
      f.call("DELETE", "/sandbox/users/" + user, null, null);
      f.call("DELETE", "/sandbox/job_stages/" + stage, null, null);

      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);

      assertThat(deletedAt(f, "mirror_department", "department_id", department)).isNotNull();
      assertThat(deletedAt(f, "mirror_source", "source_id", source)).isNotNull();
      assertThat(deletedAt(f, "mirror_user", "user_id", user)).isNotNull();
      // the sandbox keeps a deleted stage listed as inactive (and a deleted job post as inactive)
      assertThat(
              f.database
                  .jdbi()
                  .withHandle(h -> f.mirror.jobs().stage(h, f.tenant, stage))
                  .orElseThrow()
                  .active())
          .isFalse();
      assertThat(f.count("mirror_department")).isEqualTo(departments - 1);

      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      assertThat(deletedAt(f, "mirror_department", "department_id", department))
          .as("a tombstone stays put on later passes")
          .isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_revoked_key_pauses_the_tenants_sync_with_the_reason(Api api) throws Exception {
    try (SyncFixture f = new SyncFixture(api, 600);
        SyncService sync = f.service()) {
      if (api == Api.V1) {
        f.call("DELETE", "/sandbox/keys/" + SyncFixture.KEY, null, null);
      } else {
        // the customer deleted the Harvest v3 credential in Dev Center
        f.call(
            "DELETE",
            "/sandbox/oauth/clients/" + f.sandbox.demoCustomClient().clientId(),
            null,
            null);
      }

      PassResult result = sync.runPass(f.tenant);

      assertThat(result.outcome()).isEqualTo(PassResult.Outcome.PAUSED);
      assertThat(result.detail()).contains("401").contains("revoked");
      SyncStatus status = sync.status(f.tenant);
      assertThat(status.state()).isEqualTo("paused");
      assertThat(status.pausedReason()).contains("users").contains("revoked");
      assertThat(BackfillTest.line(status, "users").state()).isEqualTo("paused");
      assertThat(sync.runPass(f.tenant).outcome())
          .as("a paused tenant is not polled again until resumed")
          .isEqualTo(PassResult.Outcome.SKIPPED);
      assertThat(f.count("mirror_candidate")).isZero();
      assertThat(status.toString())
          .doesNotContain(SyncFixture.KEY)
          .doesNotContain(f.sandbox.demoCustomClient().secret().value());
    }
  }

  private static CandidateRow find(SyncFixture f, long id) {
    return f.database
        .jdbi()
        .withHandle(h -> f.mirror.candidates().find(h, f.tenant, id))
        .orElseThrow();
  }

  private static Instant deletedAt(SyncFixture f, String table, String column, long id) {
    return f.database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select deleted_at from "
                            + table
                            + " where tenant_id = :t and "
                            + column
                            + " = :id")
                    .bind("t", f.tenant)
                    .bind("id", id)
                    .mapTo(Instant.class)
                    .one());
  }

  @SuppressWarnings("unused")
  private static List<String> emails(Candidate c) {
    return c.emailAddresses().stream().map(ContactDetail::value).toList();
  }
}
