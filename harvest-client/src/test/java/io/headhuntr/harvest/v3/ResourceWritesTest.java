package io.headhuntr.harvest.v3;

import static io.headhuntr.harvest.v3.ScriptedHarvest.json;
import static io.headhuntr.harvest.v3.ScriptedHarvest.noContent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.internal.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write sends the method, path and body of docs/harvest-v3-wire.md section 10 and reads its
 * documented answer (201 record, 200 record or message, 204 nothing).
 */
class ResourceWritesTest {
  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final ScriptedHarvest script = new ScriptedHarvest();
  HarvestV3Client.Acting asUser;

  @BeforeEach
  void connect() {
    greenhouse.setDispatcher(script);
    asUser = ScriptedHarvest.client(greenhouse).actingAs(GreenhouseUserId.of(4000000001L));
  }

  private static String fixture(String name) throws Exception {
    return RecordJsonTest.tree(name).toString();
  }

  private RecordedRequest onlyCall() {
    assertThat(script.harvestCalls).hasSize(1);
    return script.harvestCalls.get(0);
  }

  private static String call(RecordedRequest request) {
    return request.getMethod() + " " + request.getTarget();
  }

  private static JsonNode body(RecordedRequest request) throws Exception {
    return Json.mapper().readTree(request.getBody().string(StandardCharsets.UTF_8));
  }

  private static JsonNode expected(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void creates_a_candidate_with_its_application_and_reads_both_back() throws Exception {
    script.answer(
        json(
            201,
            "{\"candidate\":"
                + fixture("candidates.json")
                + ",\"application\":"
                + fixture("applications.json")
                + "}"));

    CreatedCandidate created =
        asUser
            .candidates()
            .create(
                NewCandidate.builder("Grace", "Hopper")
                    .application(NewCandidate.Application.forJob(6000000001L))
                    .build());

    RecordedRequest request = onlyCall();
    assertThat(call(request)).isEqualTo("POST /v3/candidates");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Authorization")).startsWith("Bearer ");
    assertThat(body(request))
        .isEqualTo(
            expected(
                "{\"first_name\":\"Grace\",\"last_name\":\"Hopper\","
                    + "\"application\":{\"job_id\":6000000001}}"));
    assertThat(created.candidate().id()).isEqualTo(7000000001L);
    assertThat(created.application()).get().extracting(Application::jobId).isEqualTo(6000000001L);
  }

  @Test
  void creates_a_candidate_alone_when_greenhouse_answers_a_null_application() throws Exception {
    script.answer(
        json(201, "{\"candidate\":" + fixture("candidates.json") + ",\"application\":null}"));

    CreatedCandidate created =
        asUser.candidates().create(NewCandidate.builder("Grace", "Hopper").build());

    assertThat(created.application()).isEmpty();
  }

  @Test
  void updates_a_candidate_with_only_the_fields_set() throws Exception {
    script.answer(json(200, fixture("candidates.json")));

    Candidate updated =
        asUser
            .candidates()
            .update(7000000001L, CandidatePatch.builder().title("Rear Admiral").build());

    RecordedRequest request = onlyCall();
    assertThat(call(request)).isEqualTo("PATCH /v3/candidates/7000000001");
    assertThat(body(request)).isEqualTo(expected("{\"title\":\"Rear Admiral\"}"));
    assertThat(updated.title()).isEqualTo("Rear Admiral");
  }

  @Test
  void creates_candidate_and_prospect_applications_on_one_path() throws Exception {
    script.answer(json(201, fixture("applications.json")));
    script.answer(json(201, fixture("prospect_application.json")));

    Application onJob =
        asUser.applications().create(NewApplication.builder(7000000001L, 6000000001L).build());
    Application prospect =
        asUser
            .applications()
            .createProspect(
                NewProspectApplication.builder(7000000001L)
                    .jobs(List.of(6000000001L, 6000000002L))
                    .build());

    assertThat(script.harvestCalls)
        .extracting(ResourceWritesTest::call)
        .containsExactly("POST /v3/applications", "POST /v3/applications");
    assertThat(body(script.harvestCalls.get(0)))
        .isEqualTo(expected("{\"candidate_id\":7000000001,\"job_id\":6000000001}"));
    assertThat(body(script.harvestCalls.get(1)))
        .isEqualTo(
            expected(
                "{\"candidate_id\":7000000001,\"prospect\":true,"
                    + "\"job_ids\":[6000000001,6000000002]}"));
    assertThat(onJob.prospect()).isFalse();
    assertThat(prospect.prospect()).isTrue();
  }

  @Test
  void updates_and_deletes_an_application() throws Exception {
    script.answer(json(200, fixture("prospect_application.json")));
    script.answer(json(200, "{\"message\":\"Application 8000000002 deleted successfully\"}"));

    Application updated =
        asUser
            .applications()
            .update(8000000002L, ApplicationPatch.builder().prospectStage(1641).build());
    asUser.applications().delete(8000000002L);

    assertThat(script.harvestCalls)
        .extracting(ResourceWritesTest::call)
        .containsExactly("PATCH /v3/applications/8000000002", "DELETE /v3/applications/8000000002");
    assertThat(body(script.harvestCalls.get(0)))
        .isEqualTo(expected("{\"prospect_stage_id\":1641}"));
    assertThat(script.harvestCalls.get(1).getBodySize()).isZero();
    assertThat(updated.prospectPoolStageId()).isEqualTo(1641L);
  }

  @Test
  void sends_the_application_actions_and_accepts_their_empty_answers() throws Exception {
    for (int i = 0; i < 4; i++) {
      script.answer(noContent());
    }
    script.answer(json(200, fixture("applications.json")));

    ActingApplications applications = asUser.applications();
    applications.move(8, Move.between(6200000003L, 6200000004L));
    applications.reject(8, Rejection.forReason(9000000001L).withNotes("Accepted another offer"));
    applications.unreject(8);
    applications.hire(8, Hire.defaults().withStartDate(LocalDate.of(2026, 6, 1)));
    Application converted =
        applications.convertToCandidate(8, ConvertToCandidate.onJob(6000000001L, 6200000003L));

    assertThat(script.harvestCalls)
        .extracting(ResourceWritesTest::call)
        .containsExactly(
            "POST /v3/applications/8/move",
            "POST /v3/applications/8/reject",
            "POST /v3/applications/8/unreject",
            "POST /v3/applications/8/hire",
            "POST /v3/applications/8/convert_to_candidate");
    assertThat(body(script.harvestCalls.get(0)))
        .isEqualTo(expected("{\"from_stage_id\":6200000003,\"to_stage_id\":6200000004}"));
    assertThat(body(script.harvestCalls.get(1)))
        .isEqualTo(
            expected("{\"rejection_reason_id\":9000000001,\"notes\":\"Accepted another offer\"}"));
    assertThat(body(script.harvestCalls.get(2))).isEqualTo(expected("{}"));
    assertThat(body(script.harvestCalls.get(3)))
        .isEqualTo(expected("{\"start_date\":\"2026-06-01\"}"));
    assertThat(body(script.harvestCalls.get(4)))
        .isEqualTo(expected("{\"job_id\":6000000001,\"to_job_interview_stage_id\":6200000003}"));
    assertThat(converted.id()).isEqualTo(8000000001L);
  }

  @Test
  void creates_notes_attachments_educations_and_employments() throws Exception {
    script.answer(json(201, fixture("notes.json")));
    script.answer(json(201, fixture("attachments.json")));
    script.answer(json(201, fixture("candidate_educations.json")));
    script.answer(json(201, fixture("candidate_employments.json")));

    Note note =
        asUser
            .notes()
            .create(NewNote.onCandidate(7000000001L, 4000000001L, "Strong COBOL", "private"));
    Attachment attachment =
        asUser
            .attachments()
            .create(
                NewAttachment.ofUrl(8000000001L, "grace.pdf", "resume", "https://files.example/g"));
    CandidateEducation education =
        asUser
            .candidateEducations()
            .create(new NewEducation(7000000001L, 9500000001L, null, null, null, null));
    CandidateEmployment employment =
        asUser
            .candidateEmployments()
            .create(new NewEmployment(7000000001L, "Harvard", "Research Fellow", null, null));

    assertThat(script.harvestCalls)
        .extracting(ResourceWritesTest::call)
        .containsExactly(
            "POST /v3/notes",
            "POST /v3/attachments",
            "POST /v3/candidate_educations",
            "POST /v3/candidate_employments");
    assertThat(body(script.harvestCalls.get(0)))
        .isEqualTo(
            expected(
                "{\"user_id\":4000000001,\"body\":\"Strong COBOL\",\"visibility\":\"private\","
                    + "\"candidate_id\":7000000001}"));
    assertThat(body(script.harvestCalls.get(1)).get("url").asText())
        .isEqualTo("https://files.example/g");
    assertThat(body(script.harvestCalls.get(2)))
        .isEqualTo(expected("{\"candidate_id\":7000000001,\"school_id\":9500000001}"));
    assertThat(note.id()).isEqualTo(9200000001L);
    assertThat(attachment.type()).isEqualTo("resume");
    assertThat(education.schoolId()).isEqualTo(9500000001L);
    assertThat(employment.companyName()).isEqualTo("Harvard");
  }

  @Test
  void creates_updates_and_deletes_a_webhook() throws Exception {
    script.answer(json(201, fixture("webhooks.json")));
    script.answer(json(200, fixture("webhooks.json")));
    script.answer(noContent());

    ActingWebhooks webhooks =
        ScriptedHarvest.client(greenhouse).actingAsAuthorizedUser().webhooks();
    Webhook created =
        webhooks.create(
            NewWebhook.of(
                URI.create("https://hooks.headhuntr.example/webhooks/greenhouse/k1"),
                "Headhuntr candidate changes",
                "update_candidate",
                WebhookSecret.of("whsec_0123456789abcdefSIGN"),
                3));
    webhooks.update(created.id(), WebhookPatch.deactivated(false));
    webhooks.delete(created.id());

    assertThat(script.harvestCalls)
        .extracting(ResourceWritesTest::call)
        .containsExactly(
            "POST /v3/webhooks", "PATCH /v3/webhooks/9700000001", "DELETE /v3/webhooks/9700000001");
    assertThat(body(script.harvestCalls.get(0)).get("secret_key").asText())
        .isEqualTo("whsec_0123456789abcdefSIGN");
    assertThat(body(script.harvestCalls.get(1))).isEqualTo(expected("{\"deactivated\":false}"));
    assertThat(created.deactivated()).isFalse();
  }

  @Test
  void a_write_refused_before_sending_reaches_no_server() {
    MockResponse unused = noContent();
    script.answer(unused);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> asUser.applications().move(0, Move.advanceFrom(1)))
        .hasMessage("id must be a positive id, got 0");
    assertThat(script.harvestCalls).isEmpty();
  }
}
