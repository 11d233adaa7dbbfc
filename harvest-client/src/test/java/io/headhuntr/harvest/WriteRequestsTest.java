package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final FakeTime time = new FakeTime();
  HarvestClient harvest;
  HarvestClient.Acting asUser;

  @BeforeEach
  void connect() {
    harvest = TestClients.client(greenhouse, time);
    asUser = harvest.onBehalfOf(TestClients.ACTING_USER);
  }

  private RecordedRequest answerAndTake(String body, Runnable call) throws InterruptedException {
    greenhouse.enqueue(new MockResponse.Builder().code(201).body(body).build());
    call.run();
    return greenhouse.takeRequest(2, TimeUnit.SECONDS);
  }

  private static JsonNode body(RecordedRequest request) throws Exception {
    return JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
  }

  @Test
  void sends_the_basic_auth_header_exactly_as_documented() throws Exception {
    RecordedRequest request = answerAndTake("{\"id\":1}", () -> harvest.users().get(1));

    assertThat(request.getHeaders().get("Authorization")).isEqualTo(TestClients.DOCS_AUTHORIZATION);
  }

  @Test
  void sends_on_behalf_of_on_every_write() throws Exception {
    NewAttachment resume =
        NewAttachment.ofBytes("cv.pdf", "resume", new byte[] {1, 2, 3}, "application/pdf");
    List<Runnable> writes =
        List.of(
            () -> asUser.candidates().create(NewCandidate.of("A", "B", NewApplication.forJob(1))),
            () -> asUser.candidates().update(1, CandidatePatch.empty().withTags(List.of("x"))),
            () -> asUser.candidates().addNote(1, new NewNote(5, "note", "public")),
            () -> asUser.candidates().addAttachment(1, resume),
            () -> asUser.candidates().addApplication(1, NewApplication.forJob(2)),
            () -> asUser.candidates().addEducation(1, new NewEducation(1L, 2L, 3L, null, null)),
            () ->
                asUser
                    .candidates()
                    .addEmployment(1, new NewEmployment("Co", "Dev", Instant.EPOCH, null)),
            () -> asUser.prospects().create(NewProspect.of("A", "B")),
            () -> asUser.applications().update(1, ApplicationPatch.empty().withSource(4)),
            () -> asUser.applications().addAttachment(1, resume));
    List<String> expected =
        List.of(
            "POST /v1/candidates",
            "PATCH /v1/candidates/1",
            "POST /v1/candidates/1/activity_feed/notes",
            "POST /v1/candidates/1/attachments",
            "POST /v1/candidates/1/applications",
            "POST /v1/candidates/1/educations",
            "POST /v1/candidates/1/employments",
            "POST /v1/prospects",
            "PATCH /v1/applications/1",
            "POST /v1/applications/1/attachments");

    for (int i = 0; i < writes.size(); i++) {
      RecordedRequest request = answerAndTake("{\"id\":1}", writes.get(i));
      assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo(expected.get(i));
      assertThat(request.getHeaders().get("On-Behalf-Of"))
          .as(expected.get(i))
          .isEqualTo("4280249007");
      assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
      assertThat(request.getHeaders().get("Authorization"))
          .isEqualTo(TestClients.DOCS_AUTHORIZATION);
    }
  }

  @Test
  void never_sends_on_behalf_of_or_a_body_on_a_read_even_from_an_acting_view() throws Exception {
    List<Consumer<HarvestClient.Acting>> reads =
        List.of(
            a -> a.users().get(1),
            a -> a.candidates().get(1),
            a -> a.candidates().activityFeed(1),
            a -> a.applications().get(1),
            a -> a.jobs().get(1),
            a -> a.prospectPools().get(1),
            a -> a.departments().get(1));
    for (Consumer<HarvestClient.Acting> read : reads) {
      RecordedRequest request = answerAndTake("{\"id\":1}", () -> read.accept(asUser));
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getHeaders().get("On-Behalf-Of")).as(request.getTarget()).isNull();
      assertThat(request.getBodySize()).as(request.getTarget()).isZero();
      assertThat(request.getHeaders().get("Content-Type")).isNull();
    }
  }

  @Test
  void a_candidate_create_carries_everything_in_one_call_and_omits_what_is_unset()
      throws Exception {
    NewApplication application =
        NewApplication.forJob(4285367007L)
            .withSource(7)
            .withInitialStage(2708728)
            .withReferrer(Referrer.user(770))
            .withAttachments(
                List.of(
                    NewAttachment.ofBytes(
                        "resume.pdf",
                        "resume",
                        "%PDF".getBytes(StandardCharsets.UTF_8),
                        "application/pdf")));
    NewCandidate candidate =
        new NewCandidate(
            "John",
            "Locke",
            "The Tustin Box Company",
            null,
            false,
            null,
            null,
            List.of(ContactDetail.of("john@example.com", "personal")),
            null,
            List.of(new ContactDetail("linkedin.example.com/john", null)),
            List.of(
                new NewEducation(459L, 940L, 1230L, Instant.parse("2001-09-15T00:00:00Z"), null)),
            List.of(
                new NewEmployment(
                    "Greenhouse", "Engineer", Instant.parse("2012-08-15T00:00:00Z"), null)),
            List.of("sourced"),
            List.of(CustomFieldValue.byKey("desired_salary", "100000")),
            UserSelector.id(92120),
            null,
            List.of(new NewNote(158108, "Found on the platform", "admin_only")),
            List.of(application));

    RecordedRequest request =
        answerAndTake(
            "{\"id\":29843268,\"application_ids\":[38776657]}",
            () ->
                assertThat(asUser.candidates().create(candidate).applicationIds())
                    .containsExactly(38776657L));

    JsonNode sent = body(request);
    assertThat(sent)
        .isEqualTo(
            JSON.readTree(
                """
                {"first_name":"John","last_name":"Locke","company":"The Tustin Box Company","is_private":false,
                 "email_addresses":[{"value":"john@example.com","type":"personal"}],
                 "social_media_addresses":[{"value":"linkedin.example.com/john"}],
                 "educations":[{"school_id":459,"discipline_id":940,"degree_id":1230,"start_date":"2001-09-15T00:00:00Z"}],
                 "employments":[{"company_name":"Greenhouse","title":"Engineer","start_date":"2012-08-15T00:00:00Z"}],
                 "tags":["sourced"],
                 "custom_fields":[{"name_key":"desired_salary","value":"100000"}],
                 "recruiter":{"id":92120},
                 "activity_feed_notes":[{"user_id":158108,"body":"Found on the platform","visibility":"admin_only"}],
                 "applications":[{"job_id":4285367007,"source_id":7,"initial_stage_id":2708728,
                   "referrer":{"type":"id","value":770},
                   "attachments":[{"filename":"resume.pdf","type":"resume","content":"JVBERg==","content_type":"application/pdf"}]}]}
                """));
  }

  @Test
  void a_prospect_application_sends_prospect_as_the_string_true() throws Exception {
    NewApplication prospect =
        NewApplication.prospect(List.of(123L, 456L))
            .withProspectPool(1640L, 7594L)
            .withProspectOwner(107468)
            .withProspectiveDepartmentAndOffice(9021L, 58319L);

    RecordedRequest request =
        answerAndTake(
            "{\"id\":1,\"prospect\":true}", () -> asUser.candidates().addApplication(5, prospect));

    assertThat(body(request))
        .isEqualTo(
            JSON.readTree(
                """
                {"prospect":"true","job_ids":[123,456],"prospect_pool_id":1640,"prospect_pool_stage_id":7594,
                 "prospect_owner_id":107468,"prospective_department_id":9021,"prospective_office_id":58319}
                """));
  }

  @Test
  void a_prospect_create_sends_its_single_application_object() throws Exception {
    NewProspect prospect =
        new NewProspect(
            "Jane",
            "Doe",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new NewProspectApplication(List.of(), 1234L, Referrer.outside("A friend"), null, null));

    RecordedRequest request =
        answerAndTake("{\"id\":9}", () -> asUser.prospects().create(prospect));

    assertThat(body(request))
        .isEqualTo(
            JSON.readTree(
                """
                {"first_name":"Jane","last_name":"Doe",
                 "application":{"job_ids":[],"source_id":1234,"referrer":{"type":"outside","value":"A friend"}}}
                """));
  }

  @Test
  void a_candidate_patch_with_an_empty_list_clears_that_list_and_leaves_the_rest()
      throws Exception {
    RecordedRequest request =
        answerAndTake(
            "{\"id\":1}",
            () -> asUser.candidates().update(1, CandidatePatch.empty().withTags(List.of())));

    assertThat(body(request)).isEqualTo(JSON.readTree("{\"tags\":[]}"));
  }

  @Test
  void an_application_patch_names_the_stage_as_documented_for_patches() throws Exception {
    RecordedRequest request =
        answerAndTake(
            "{\"id\":1}",
            () ->
                asUser
                    .applications()
                    .update(
                        1,
                        ApplicationPatch.empty()
                            .withProspectPool(10L, 11L)
                            .withReferrer(Referrer.userEmail("a@b.com"))));

    assertThat(body(request))
        .isEqualTo(
            JSON.readTree(
                "{\"referrer\":{\"type\":\"email\",\"value\":\"a@b.com\"},\"prospect_pool_id\":10,\"prospect_stage_id\":11}"));
  }

  @Test
  void an_attachment_by_url_and_the_note_and_employment_bodies_follow_the_docs() throws Exception {
    RecordedRequest byUrl =
        answerAndTake(
            "{\"filename\":\"cv.pdf\",\"url\":\"https://s3.test/cv.pdf\",\"type\":\"resume\",\"content_type\":\"application/pdf\"}",
            () ->
                assertThat(
                        asUser
                            .applications()
                            .addAttachment(
                                2,
                                NewAttachment.ofUrl("cv.pdf", "other", "https://files.test/cv.pdf")
                                    .withVisibility("private"))
                            .contentType())
                    .isEqualTo("application/pdf"));
    assertThat(body(byUrl))
        .isEqualTo(
            JSON.readTree(
                "{\"filename\":\"cv.pdf\",\"type\":\"other\",\"url\":\"https://files.test/cv.pdf\",\"visibility\":\"private\"}"));

    RecordedRequest note =
        answerAndTake(
            "{\"id\":1,\"private\":true}",
            () ->
                assertThat(
                        asUser.candidates().addNote(1, new NewNote(7, "hi", "private")).isPrivate())
                    .isTrue());
    assertThat(body(note))
        .isEqualTo(JSON.readTree("{\"user_id\":7,\"body\":\"hi\",\"visibility\":\"private\"}"));

    RecordedRequest employment =
        answerAndTake(
            "{\"id\":3,\"company_name\":\"Co\",\"title\":\"Dev\",\"start_date\":\"2020-01-01T00:00:00.000Z\",\"end_date\":null}",
            () ->
                assertThat(
                        asUser
                            .candidates()
                            .addEmployment(
                                1,
                                new NewEmployment(
                                    "Co",
                                    "Dev",
                                    Instant.parse("2020-01-01T00:00:00Z"),
                                    Instant.parse("2021-06-01T00:00:00Z")))
                            .endDate())
                    .isNull());
    assertThat(body(employment))
        .isEqualTo(
            JSON.readTree(
                "{\"company_name\":\"Co\",\"title\":\"Dev\",\"start_date\":\"2020-01-01T00:00:00Z\",\"end_date\":\"2021-06-01T00:00:00Z\"}"));
  }
}
