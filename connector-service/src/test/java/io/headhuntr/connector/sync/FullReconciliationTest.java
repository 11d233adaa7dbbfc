package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.Api;
import io.headhuntr.connector.events.EventLog;
import io.headhuntr.connector.events.OutcomeEvent;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The full reconciliation over Harvest v1 and v3: candidates, applications and jobs deleted in
 * Greenhouse while webhooks were off are tombstoned, with the events a webhook would have brought,
 * and never on an incomplete listing. A v3 account is a fifth the size, listed in as many pages.
 */
class FullReconciliationTest {

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_full_pass_tombstones_what_was_deleted_in_greenhouse_and_emits_the_delete_events(Api api)
      throws Exception {
    try (SyncFixture f = new SyncFixture(api, 1_200);
        SyncService sync = f.service()) {
      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      Deleted deleted = deleteSome(f);

      sync.requestFull(f.tenant);
      assertThat(sync.status(f.tenant).fullPassRequested()).isTrue();
      PassResult result = sync.runPass(f.tenant);

      assertThat(result.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      assertThat(result.detail())
          .contains("1 jobs, 1 candidates and " + (deleted.candidateApps().size() + 1));
      assertDeletionsMirrored(f, deleted);
      SyncStatus status = sync.status(f.tenant);
      assertThat(status.fullPassStartedAt()).isNull();
      assertThat(status.fullPassRequested()).isFalse();
      assertThat(status.lastFullPassDeleted()).isEqualTo(3 + deleted.candidateApps().size());
      assertThat(BackfillTest.line(status, "candidates").mode()).isEqualTo("full");
      assertThat(BackfillTest.line(status, "candidates").requests()).isEqualTo(3);

      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      assertThat(BackfillTest.line(sync.status(f.tenant), "candidates").mode())
          .as("the next pass is incremental again")
          .isEqualTo("incremental");
      assertThat(events(f)).as("no second event for the same deletion").hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void an_interrupted_full_pass_tombstones_nothing_and_the_next_pass_completes_it(Api api)
      throws Exception {
    try (SyncFixture f = new SyncFixture(api, 1_200)) {
      try (SyncService sync = f.service()) {
        assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
        sync.requestFull(f.tenant);
      }
      Deleted deleted = deleteSome(f);
      long liveCandidates = f.count("mirror_candidate");
      long liveApplications = f.count("mirror_application");
      long liveJobs = f.count("mirror_job");

      AtomicBoolean crashed = new AtomicBoolean();
      SyncObserver crashAtPageTwo =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES
                && page == 2
                && crashed.compareAndSet(false, true)) {
              throw new IllegalStateException("simulated crash in the full pass");
            }
          };
      try (SyncService crashing = f.service(SyncFixture.fastConfig(), crashAtPageTwo)) {
        assertThat(crashing.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.FAILED);
        SyncStatus midway = crashing.status(f.tenant);
        assertThat(midway.fullPassStartedAt()).isNotNull();
        assertThat(BackfillTest.line(midway, "candidates").nextPage()).isEqualTo(3);
      }
      assertThat(f.count("mirror_candidate")).isEqualTo(liveCandidates);
      assertThat(f.count("mirror_application")).isEqualTo(liveApplications);
      assertThat(f.count("mirror_job")).isEqualTo(liveJobs);
      assertThat(events(f)).isEmpty();

      List<Integer> pages = new java.util.concurrent.CopyOnWriteArrayList<>();
      SyncObserver record =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES) {
              pages.add(page);
            }
          };
      try (SyncService resumed = f.service(SyncFixture.fastConfig(), record)) {
        assertThat(resumed.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
        SyncStatus.Resource candidates = BackfillTest.line(resumed.status(f.tenant), "candidates");
        assertThat(candidates.mode()).isEqualTo("full");
        assertThat(candidates.recordsSeen()).isEqualTo(f.people - 1);
      }
      assertThat(pages)
          .as("the full listing resumed at page 3, not from the start")
          .containsExactly(3);
      assertDeletionsMirrored(f, deleted);
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_record_a_webhook_brings_during_the_pass_is_not_tombstoned(Api api) throws Exception {
    try (SyncFixture f = new SyncFixture(api, 600)) {
      try (SyncService sync = f.service()) {
        assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      }
      long webhookOnly = 9_000_000_001L;
      SyncObserver webhookMidPass =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES && page == 1) {
              f.database
                  .jdbi()
                  .useTransaction(
                      h -> f.mirror.candidates().upsert(h, tenant, candidate(webhookOnly)));
            }
          };
      SyncConfig everyPassIsFull = SyncFixture.fastConfig().withFullInterval(Duration.ofNanos(1));
      try (SyncService sync = f.service(everyPassIsFull, webhookMidPass)) {
        assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
        assertThat(sync.status(f.tenant).lastFullPassDeleted())
            .as("the interval made it a full pass")
            .isZero();
      }
      CandidateRow row =
          f.database
              .jdbi()
              .withHandle(h -> f.mirror.candidates().find(h, f.tenant, webhookOnly))
              .orElseThrow();
      assertThat(row.deletedAt()).isNull();
      assertThat(events(f)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_record_the_listing_missed_but_greenhouse_still_has_is_kept(Api api) throws Exception {
    try (SyncFixture f = new SyncFixture(api, 1_200)) {
      try (SyncService sync = f.service()) {
        assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
        sync.requestFull(f.tenant);
      }
      // page numbers shift when Greenhouse deletes something mid-listing: one record is skipped
      // (one listed before page 3 in either order: v1 lists oldest id first, v3 newest first)
      long missed =
          f.client
              .candidates()
              .list(CandidateFilter.all())
              .skip(f.perPage - 1)
              .findFirst()
              .orElseThrow()
              .id();
      long expectedCalls = f.referenceCalls() + 1 + f.listingCalls(1) + 1 + f.lookUpCalls(missed);
      SyncObserver skipOne =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES && page == 3) {
              f.database
                  .jdbi()
                  .useHandle(
                      h -> {
                        // as if the listing never returned it: not seen, not written this pass
                        h.createUpdate(
                                "delete from sync_seen where tenant_id = :t and kind ="
                                    + " 'candidate' and id = :id")
                            .bind("t", tenant)
                            .bind("id", missed)
                            .execute();
                        h.createUpdate(
                                "update mirror_candidate set mirrored_at = now() - interval '1 day'"
                                    + " where tenant_id = :t and candidate_id = :id")
                            .bind("t", tenant)
                            .bind("id", missed)
                            .execute();
                      });
            }
          };
      long before = f.syncRequests();
      try (SyncService sync = f.service(SyncFixture.fastConfig(), skipOne)) {
        assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
        assertThat(sync.status(f.tenant).lastFullPassDeleted()).isZero();
      }
      assertThat(deletedAt(f, "mirror_candidate", "candidate_id", missed)).isNull();
      assertThat(f.count("mirror_candidate")).isEqualTo(f.people);
      assertThat(events(f)).isEmpty();
      // reference lists, 1 page of jobs, 3 of candidates, 1 of applications, 1 look-up (v1: 12)
      assertThat(f.syncRequests() - before).isEqualTo(expectedCalls);
    }
  }

  /** What {@link #deleteSome} removed from the sandbox. */
  record Deleted(
      long candidate, List<Long> candidateApps, long application, long applicationOf, long job) {}

  /**
   * Deletes a candidate, another candidate's application and a job in the sandbox (no webhooks).
   */
  private static Deleted deleteSome(SyncFixture f) throws Exception {
    User recruiter =
        f.client
            .users()
            .list(UserFilter.all())
            .filter(u -> !u.disabled())
            .findFirst()
            .orElseThrow();
    List<Candidate> people = f.client.candidates().list(CandidateFilter.all()).toList();
    Candidate gone =
        people.stream()
            .skip(f.people * 5 / 8)
            .filter(c -> !c.applications().isEmpty())
            .findFirst()
            .orElseThrow();
    Candidate keeps =
        people.stream()
            .skip(f.people / 12)
            .filter(c -> c.applications().stream().filter(a -> !a.prospect()).count() >= 2)
            .findFirst()
            .orElseThrow();
    Application dropped =
        keeps.applications().stream().filter(a -> !a.prospect()).findFirst().orElseThrow();
    Job job = f.client.jobs().list(JobFilter.all()).toList().get(3);
    f.call("DELETE", "/v1/candidates/" + gone.id(), null, recruiter.id());
    f.call("DELETE", "/v1/applications/" + dropped.id(), null, recruiter.id());
    f.call("DELETE", "/sandbox/jobs/" + job.id(), null, null);
    return new Deleted(
        gone.id(),
        gone.applications().stream().map(Application::id).toList(),
        dropped.id(),
        keeps.id(),
        job.id());
  }

  private static void assertDeletionsMirrored(SyncFixture f, Deleted d) {
    assertThat(deletedAt(f, "mirror_candidate", "candidate_id", d.candidate())).isNotNull();
    CandidateRow erased =
        f.database
            .jdbi()
            .withHandle(h -> f.mirror.candidates().find(h, f.tenant, d.candidate()))
            .orElseThrow();
    assertThat(erased.firstName()).as("a deleted candidate's personal data is erased").isNull();
    for (long app : d.candidateApps()) {
      assertThat(deletedAt(f, "mirror_application", "application_id", app)).isNotNull();
    }
    assertThat(deletedAt(f, "mirror_application", "application_id", d.application())).isNotNull();
    assertThat(deletedAt(f, "mirror_candidate", "candidate_id", d.applicationOf()))
        .as("the candidate who lost an application stays")
        .isNull();
    assertThat(deletedAt(f, "mirror_job", "job_id", d.job())).isNotNull();
    assertThat(f.count("mirror_candidate")).isEqualTo(f.people - 1);
    assertThat(f.count("mirror_job")).isEqualTo(f.client.jobs().list(JobFilter.all()).count());
    long sandboxApps =
        f.client
            .candidates()
            .list(CandidateFilter.all())
            .mapToLong(c -> c.applications().size())
            .sum();
    assertThat(f.count("mirror_application")).isEqualTo(sandboxApps);

    List<OutcomeEvent> events = events(f);
    assertThat(events)
        .extracting(OutcomeEvent::type)
        .containsExactlyInAnyOrder("job_deleted", "deleted", "application_deleted");
    OutcomeEvent person =
        events.stream().filter(e -> e.type().equals("deleted")).findFirst().orElseThrow();
    assertThat(person.candidateId()).isEqualTo(d.candidate());
    assertThat(person.data().path("deleted_application_ids"))
        .extracting(n -> n.asLong())
        .containsExactlyInAnyOrderElementsOf(d.candidateApps());
    OutcomeEvent app =
        events.stream()
            .filter(e -> e.type().equals("application_deleted"))
            .findFirst()
            .orElseThrow();
    assertThat(app.applicationId()).isEqualTo(d.application());
    assertThat(app.candidateId()).isEqualTo(d.applicationOf());
    OutcomeEvent job =
        events.stream().filter(e -> e.type().equals("job_deleted")).findFirst().orElseThrow();
    assertThat(job.jobId()).isEqualTo(d.job());
    assertThat(job.data().path("name").asText()).isNotBlank();
  }

  private static Instant deletedAt(SyncFixture f, String table, String idColumn, long id) {
    return f.database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select deleted_at from "
                            + table
                            + " where tenant_id = :t and "
                            + idColumn
                            + " = :id")
                    .bind("t", f.tenant)
                    .bind("id", id)
                    .mapTo(Instant.class)
                    .findOne()
                    .orElse(null));
  }

  private static List<OutcomeEvent> events(SyncFixture f) {
    return f.database.jdbi().withHandle(h -> new EventLog().after(h, f.tenant, 0, 100));
  }

  private static CandidateRow candidate(long id) {
    Instant now = Instant.now();
    return new CandidateRow(
        id,
        "Web",
        "Hook",
        null,
        null,
        false,
        true,
        null,
        null,
        null,
        MirrorJson.MAPPER.createArrayNode(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        now,
        now,
        now,
        now,
        null,
        null,
        null,
        null);
  }
}
