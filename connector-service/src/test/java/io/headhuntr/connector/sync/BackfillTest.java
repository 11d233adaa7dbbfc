package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.ContactDetail;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.JobPostFilter;
import io.headhuntr.harvest.JobStageFilter;
import io.headhuntr.harvest.UserFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The first pass over Harvest v1 and v3: the mirror equals Greenhouse, a crash resumes at the next
 * page, server errors are retried. Greenhouse's side is read over v1 in both runs; a v3 account is
 * a fifth the size, read in as many pages ({@link SyncFixture}).
 */
class BackfillTest {

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_backfill_mirrors_the_sandbox_exactly(Api api) {
    try (SyncFixture f = new SyncFixture(api, 2_300);
        SyncService sync = f.service()) {
      PassResult result = sync.runPass(f.tenant);

      assertThat(result.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      List<Candidate> candidates;
      try (Stream<Candidate> all = f.client.candidates().list(CandidateFilter.all())) {
        candidates = all.toList();
      }
      assertThat(candidates).hasSize(f.people);
      assertThat(f.count("mirror_candidate")).isEqualTo(candidates.size());
      long applications = candidates.stream().mapToLong(c -> c.applications().size()).sum();
      assertThat(f.count("mirror_application")).isEqualTo(applications);
      assertThat(f.count("mirror_user")).isEqualTo(f.client.users().list(UserFilter.all()).count());
      assertThat(f.count("mirror_department")).isEqualTo(f.client.departments().list().count());
      assertThat(f.count("mirror_source")).isEqualTo(f.client.sources().list().count());
      assertThat(f.count("mirror_prospect_pool"))
          .isEqualTo(f.client.prospectPools().list().count());
      assertThat(f.count("mirror_job")).isEqualTo(f.client.jobs().list(JobFilter.all()).count());
      assertThat(f.count("mirror_job_post"))
          .isEqualTo(f.client.jobPosts().list(JobPostFilter.all()).count());
      assertThat(f.count("mirror_job_stage"))
          .isEqualTo(f.client.jobStages().list(JobStageFilter.all()).count());

      for (int i = 0; i < candidates.size(); i += 97) {
        Candidate expected = candidates.get(i);
        CandidateRow row =
            f.database
                .jdbi()
                .withHandle(h -> f.mirror.candidates().find(h, f.tenant, expected.id()))
                .orElseThrow();
        assertThat(row.firstName()).isEqualTo(expected.firstName());
        assertThat(row.lastName()).isEqualTo(expected.lastName());
        assertThat(row.company()).isEqualTo(expected.company());
        assertThat(row.title()).isEqualTo(expected.title());
        assertThat(row.updatedAt()).isEqualTo(expected.updatedAt());
        assertThat(row.createdAt()).isEqualTo(expected.createdAt());
        assertThat(values(row.emailAddresses()))
            .containsExactlyElementsOf(
                expected.emailAddresses().stream().map(ContactDetail::value).toList());
        assertThat(values(row.phoneNumbers()))
            .containsExactlyElementsOf(
                expected.phoneNumbers().stream().map(ContactDetail::value).toList());
        assertThat(texts(row.tags())).containsExactlyElementsOf(expected.tags());
        if (api == Api.V1) {
          assertThat(row.recruiter() == null ? null : row.recruiter().path("id").asLong())
              .isEqualTo(expected.recruiter() == null ? null : expected.recruiter().id());
        } else {
          // v3 candidates carry no recruiter (it is on each application): the mirror has none
          assertThat(row.recruiter()).isNull();
        }
        List<ApplicationRow> apps =
            f.database
                .jdbi()
                .withHandle(h -> f.mirror.applications().ofCandidate(h, f.tenant, expected.id()));
        assertThat(apps).hasSameSizeAs(expected.applications());
        for (Application a : expected.applications()) {
          ApplicationRow app =
              apps.stream().filter(x -> x.id() == a.id()).findFirst().orElseThrow();
          assertThat(app.status()).isEqualTo(a.status());
          assertThat(app.prospect()).isEqualTo(a.prospect());
          assertThat(app.currentStageId())
              .isEqualTo(a.currentStage() == null ? null : a.currentStage().id());
          assertThat(app.lastActivityAt()).isEqualTo(a.lastActivityAt());
          assertThat(app.jobIds())
              .containsExactlyElementsOf(a.jobs().stream().map(j -> j.id()).toList());
        }
      }

      SyncStatus status = sync.status(f.tenant);
      assertThat(status.state()).isEqualTo("done");
      assertThat(status.backfilledAt()).isNotNull();
      SyncStatus.Resource candidatesLine = line(status, "candidates");
      assertThat(candidatesLine.recordsSeen()).isEqualTo(f.people);
      assertThat(candidatesLine.pages()).isEqualTo(5);
      assertThat(candidatesLine.requests()).isEqualTo(5);
      assertThat(line(status, "applications").requests())
          .as("the backfill reads applications inside the candidate list")
          .isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_crash_mid_backfill_resumes_at_the_next_page_and_skips_none(Api api) {
    try (SyncFixture f = new SyncFixture(api, 2_600)) {
      Map<Integer, Integer> firstRun = new ConcurrentHashMap<>();
      SyncObserver crashAfterTwo =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES) {
              firstRun.put(page, records);
              if (page == 2) {
                throw new IllegalStateException("simulated crash after page 2");
              }
            }
          };
      try (SyncService first = f.service(SyncFixture.fastConfig(), crashAfterTwo)) {
        assertThat(first.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.FAILED);
      }
      assertThat(firstRun).containsOnlyKeys(1, 2);
      assertThat(f.count("mirror_candidate")).isEqualTo(2L * f.perPage);
      long pagesThreeToSix = f.listingCalls(3);

      List<Integer> secondRun = new ArrayList<>();
      SyncObserver record =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES) {
              secondRun.add(page);
            }
          };
      long before = f.syncRequests();
      try (SyncService second = f.service(SyncFixture.fastConfig(), record)) {
        SyncStatus paused = second.status(f.tenant);
        assertThat(line(paused, "candidates").state()).isEqualTo("failed");
        assertThat(line(paused, "candidates").nextPage()).isEqualTo(3);
        assertThat(line(paused, "candidates").lastError()).contains("simulated crash");

        assertThat(second.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
        assertThat(line(second.status(f.tenant), "candidates").recordsSeen()).isEqualTo(f.people);
      }
      assertThat(secondRun).as("pages fetched after the restart").containsExactly(3, 4, 5, 6);
      long candidateRequests = f.syncRequests() - before;
      // the reference lists + 1 incremental jobs page + candidate pages 3..6 (v1: 4 calls)
      assertThat(candidateRequests).isEqualTo(f.referenceCalls() + 1 + pagesThreeToSix);
      assertThat(f.count("mirror_candidate")).isEqualTo(f.people);
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void server_errors_are_retried_and_the_backfill_still_completes(Api api) throws Exception {
    try (SyncFixture f = new SyncFixture(api, 1_200);
        SyncService sync = f.service()) {
      long faultless = f.referenceCalls() + 1 + f.listingCalls(1);
      f.call(
          "POST",
          "/sandbox/faults",
          "{\"rules\":[{\"path\":\""
              + api.path("/candidates")
              + "\",\"method\":\"GET\",\"error_rate\":0.4}]}",
          null);

      // a failed page ends the pass at its checkpoint; it continues after the retry delay
      PassResult result = SyncRuns.settle(sync, f.tenant);

      assertThat(result.outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      assertThat(f.count("mirror_candidate")).isEqualTo(f.people);
      SyncStatus.Resource candidates = line(sync.status(f.tenant), "candidates");
      assertThat(candidates.pages()).isEqualTo(3);
      assertThat(candidates.lastError()).isNull();
      assertThat(f.syncRequests())
          .as("some candidate pages needed more than one request")
          .isGreaterThan(faultless);
    }
  }

  @Test
  void the_time_left_is_known_while_candidates_backfill_and_costs_no_extra_request() {
    // 20 calls per 10 s, 2 left to pushes: 18 for the sync, 10/18 s per page
    try (SyncFixture f = new SyncFixture(2_300, 20)) {
      Map<Integer, SyncStatus> seen = new ConcurrentHashMap<>();
      SyncService[] sync = new SyncService[1];
      SyncObserver watch =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES) {
              seen.put(page, sync[0].status(tenant));
            }
          };
      sync[0] = f.service(SyncFixture.fastConfig(), watch);
      try (SyncService s = sync[0]) {
        assertThat(s.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      }

      assertThat(seen).containsOnlyKeys(1, 2, 3, 4, 5);
      for (int page = 1; page <= 5; page++) {
        SyncStatus status = seen.get(page);
        SyncStatus.Resource candidates = line(status, "candidates");
        long pagesLeft = 5 - page;
        long expected = (long) Math.ceil(pagesLeft * 10.0 / 18);
        assertThat(status.rateLimit()).isEqualTo(20);
        assertThat(candidates.lastPage()).as("Greenhouse's count of pages").isEqualTo(5);
        assertThat(candidates.estimatedSecondsLeft()).as("after page " + page).isEqualTo(expected);
        assertThat(status.estimatedSecondsLeft())
            .as("the whole backfill's time left after page " + page)
            .isEqualTo(expected);
      }
      assertThat(f.sandbox.requestCount(SyncFixture.KEY))
          .as("6 reference lists, 1 page of jobs, 5 of candidates: counting cost no request")
          .isEqualTo(6 + 1 + 5);
    }
  }

  /**
   * v3 cursor pages come without a count of pages (HARVEST-V3: no {@code last} link), so while a v3
   * backfill runs the status claims no time left rather than a guess; it still costs no extra call.
   */
  @Test
  void over_v3_the_time_left_is_not_guessed_and_costs_no_extra_request() {
    try (SyncFixture f = new SyncFixture(Api.V3, 2_300, 150)) {
      long expectedCalls = f.referenceCalls() + 1 + f.listingCalls(1);
      Map<Integer, SyncStatus> seen = new ConcurrentHashMap<>();
      SyncService[] sync = new SyncService[1];
      SyncObserver watch =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES) {
              seen.put(page, sync[0].status(tenant));
            }
          };
      sync[0] = f.service(SyncFixture.fastConfig(), watch);
      try (SyncService s = sync[0]) {
        assertThat(s.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      }

      assertThat(seen).containsOnlyKeys(1, 2, 3, 4, 5);
      for (int page = 1; page < 5; page++) {
        SyncStatus status = seen.get(page);
        SyncStatus.Resource candidates = line(status, "candidates");
        assertThat(status.rateLimit()).isEqualTo(150);
        assertThat(candidates.lastPage()).as("v3 counts no pages").isNull();
        assertThat(candidates.estimatedSecondsLeft()).as("after page " + page).isNull();
        assertThat(status.estimatedSecondsLeft()).as("after page " + page).isNull();
      }
      assertThat(f.syncRequests())
          .as("reference lists, 1 page of jobs, 5 candidate pages with their application joins")
          .isEqualTo(expectedCalls);
      assertThat(f.api.rateLimitedCount(f.sandbox, SyncFixture.KEY)).isZero();
    }
  }

  static SyncStatus.Resource line(SyncStatus status, String resource) {
    return status.resources().stream()
        .filter(r -> r.resource().equals(resource))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> values(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.path("value").asText()));
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
