package io.headhuntr.harvest.v3;

import static io.headhuntr.harvest.v3.ScriptedHarvest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.harvest.GreenhouseUserId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every read resource asks for its documented path and filters, and reads by id via ?ids=. */
class ResourceReadsTest {
  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final ScriptedHarvest script = new ScriptedHarvest();
  HarvestV3Client harvest;

  @BeforeEach
  void connect() {
    greenhouse.setDispatcher(script);
    harvest = ScriptedHarvest.client(greenhouse);
  }

  private RecordedRequest onlyCall() {
    assertThat(script.harvestCalls).hasSize(1);
    return script.harvestCalls.get(0);
  }

  private static String fixture(String name) throws Exception {
    return RecordJsonTest.tree(name).toString();
  }

  @Test
  void every_resource_lists_its_documented_path_and_reads_its_records() throws Exception {
    record Case(String path, String fixture, Function<HarvestV3Client, Stream<?>> list) {}
    List<Case> cases =
        List.of(
            new Case("/v3/users", "users.json", h -> h.users().list(UserQuery.all())),
            new Case(
                "/v3/user_emails",
                "user_emails.json",
                h -> h.userEmails().list(UserEmailQuery.all())),
            new Case(
                "/v3/departments",
                "departments.json",
                h -> h.departments().list(CommonQuery.all())),
            new Case("/v3/offices", "offices.json", h -> h.offices().list(CommonQuery.all())),
            new Case("/v3/sources", "sources.json", h -> h.sources().list(CommonQuery.all())),
            new Case("/v3/jobs", "jobs.json", h -> h.jobs().list(CommonQuery.all())),
            new Case("/v3/job_posts", "job_posts.json", h -> h.jobPosts().list(JobPartQuery.all())),
            new Case(
                "/v3/job_interview_stages",
                "job_interview_stages.json",
                h -> h.jobInterviewStages().list(JobPartQuery.all())),
            new Case(
                "/v3/prospect_pools",
                "prospect_pools.json",
                h -> h.prospectPools().list(CommonQuery.all())),
            new Case(
                "/v3/prospect_pool_stages",
                "prospect_pool_stages.json",
                h -> h.prospectPoolStages().list(ProspectPoolStageQuery.all())),
            new Case(
                "/v3/candidates",
                "candidates.json",
                h -> h.candidates().list(CandidateQuery.all())),
            new Case(
                "/v3/applications",
                "applications.json",
                h -> h.applications().list(ApplicationQuery.all())),
            new Case(
                "/v3/application_stages",
                "application_stages.json",
                h -> h.applicationStages().list(ApplicationPartQuery.all())),
            new Case(
                "/v3/rejection_reasons",
                "rejection_reasons.json",
                h -> h.rejectionReasons().list(CommonQuery.all())),
            new Case(
                "/v3/rejection_details",
                "rejection_details.json",
                h -> h.rejectionDetails().list(ApplicationPartQuery.all())),
            new Case("/v3/notes", "notes.json", h -> h.notes().list(NoteOrAttachmentQuery.all())),
            new Case(
                "/v3/attachments",
                "attachments.json",
                h -> h.attachments().list(NoteOrAttachmentQuery.all())),
            new Case(
                "/v3/candidate_educations",
                "candidate_educations.json",
                h -> h.candidateEducations().list(CandidatePartQuery.all())),
            new Case(
                "/v3/candidate_employments",
                "candidate_employments.json",
                h -> h.candidateEmployments().list(CandidatePartQuery.all())),
            new Case(
                "/v3/custom_field_options",
                "custom_field_options.json",
                h -> h.customFieldOptions().list(CustomFieldOptionQuery.all())),
            new Case("/v3/webhooks", "webhooks.json", h -> h.webhooks().list(WebhookQuery.all())));

    for (Case c : cases) {
      script.harvestCalls.clear();
      script.answer(json(200, "[" + fixture(c.fixture()) + "]"));

      List<?> items = c.list().apply(harvest).toList();

      assertThat(items).as(c.path()).hasSize(1);
      RecordedRequest request = onlyCall();
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getUrl().encodedPath()).isEqualTo(c.path());
      assertThat(request.getUrl().queryParameter("per_page")).as(c.path()).isEqualTo("500");
    }
  }

  @Test
  void sends_filters_on_the_first_request_encoded_as_documented() {
    harvest
        .applications()
        .list(
            ApplicationQuery.all()
                .updatedAt(
                    TimeFilter.gte(Instant.parse("2026-01-01T00:00:00Z"))
                        .andLte(Instant.parse("2026-02-01T00:00:00Z")))
                .jobIds(List.of(6000000001L, 6000000002L))
                .status("active")
                .perPage(100))
        .toList();

    RecordedRequest request = onlyCall();
    assertThat(request.getUrl().queryParameter("updated_at"))
        .isEqualTo("gte|2026-01-01T00:00:00Z|lte|2026-02-01T00:00:00Z");
    assertThat(request.getUrl().queryParameter("job_ids")).isEqualTo("6000000001,6000000002");
    assertThat(request.getUrl().queryParameter("status")).isEqualTo("active");
    assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("100");
  }

  @Test
  void get_reads_one_record_through_ids_and_nothing_else() throws Exception {
    script.answer(json(200, "[" + fixture("candidates.json") + "]"));

    Optional<Candidate> candidate = harvest.candidates().get(7000000001L);

    assertThat(candidate).get().extracting(Candidate::lastName).isEqualTo("Hopper");
    assertThat(onlyCall().getTarget()).isEqualTo("/v3/candidates?ids=7000000001");
  }

  @Test
  void get_answers_empty_for_an_unknown_id_and_ignores_records_with_another_id() throws Exception {
    script.answer(json(200, "[]"));
    script.answer(json(200, "[" + fixture("candidates.json") + "]"));

    assertThat(harvest.candidates().get(1)).isEmpty();
    assertThat(harvest.candidates().get(2)).isEmpty();
  }

  @Test
  void get_all_asks_for_50_ids_per_request_and_each_id_once() {
    List<Long> ids = LongStream.rangeClosed(1, 120).boxed().toList();
    List<Long> withRepeats = Stream.concat(ids.stream(), Stream.of(1L, 2L)).toList();

    assertThat(harvest.jobs().getAll(withRepeats).toList()).isEmpty();

    assertThat(script.harvestCalls).hasSize(3);
    List<Integer> sizes =
        script.harvestCalls.stream()
            .map(r -> r.getUrl().queryParameter("ids").split(",").length)
            .toList();
    assertThat(sizes).containsExactly(50, 50, 20);
    assertThat(script.harvestCalls.get(2).getUrl().queryParameter("ids")).startsWith("101,");
  }

  @Test
  void get_all_is_lazy_and_asks_nothing_until_read() {
    Stream<Job> jobs = harvest.jobs().getAll(List.of(1L, 2L));

    assertThat(script.harvestCalls).isEmpty();
    assertThat(jobs.toList()).isEmpty();
    assertThat(onlyCall().getUrl().queryParameter("ids")).isEqualTo("1,2");
  }

  @Test
  void pages_give_the_next_link_and_resume_continues_from_it() throws Exception {
    String next = greenhouse.url("/v3/jobs?cursor=eyJpZCI6Nn0").toString();
    script.answer(
        new mockwebserver3.MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .addHeader("Link", "<" + next + ">; rel=\"next\"")
            .body("[" + fixture("jobs.json") + "]")
            .build());

    CursorPage<Job> first = harvest.jobs().pages(CommonQuery.all()).findFirst().orElseThrow();
    assertThat(first.next()).contains(URI.create(next));

    List<CursorPage<Job>> rest = harvest.jobs().resume(first.next().orElseThrow()).toList();

    assertThat(rest).hasSize(1);
    assertThat(rest.get(0).isLast()).isTrue();
    assertThat(script.harvestCalls.get(1).getTarget()).isEqualTo("/v3/jobs?cursor=eyJpZCI6Nn0");
  }

  @Test
  void refuses_to_resume_a_listing_of_another_resource() {
    URI candidatesNext = greenhouse.url("/v3/candidates?cursor=abc").uri();

    assertThatThrownBy(() -> harvest.jobs().resume(candidatesNext))
        .hasMessage("this next link continues /v3/candidates, not /v3/jobs");
    assertThat(script.harvestCalls).isEmpty();
  }

  @Test
  void an_acting_view_reads_every_resource_of_the_client() {
    HarvestV3Client.Acting asUser = harvest.actingAs(GreenhouseUserId.of(4000000001L));

    asUser.candidates().list(CandidateQuery.all().email("grace@example.com")).toList();
    asUser.jobs().list(CommonQuery.all()).toList();

    assertThat(script.harvestCalls)
        .extracting(r -> r.getUrl().encodedPath())
        .containsExactly("/v3/candidates", "/v3/jobs");
    assertThat(script.harvestCalls.get(0).getUrl().queryParameter("email"))
        .isEqualTo("grace@example.com");
  }
}
