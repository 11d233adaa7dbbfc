package io.headhuntr.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Harvest v3 writes against a started sandbox: statuses, shapes and refusals (section 10). */
class V3WritesTest {
  private static GreenhouseSandbox sandbox;
  private static V3Client v3;
  private static long admin;
  private static long jobId;
  private static List<Long> stagesOfJob;

  @BeforeAll
  static void start() {
    sandbox =
        GreenhouseSandbox.builder().seed(SandboxSeed.DEMO).candidates(60).v3RateLimit(0).start();
    v3 = V3Client.custom(sandbox);
    admin =
        V3ListsTest.list(v3.get("/v3/users?per_page=500").json()).stream()
            .filter(u -> u.get("site_admin").asBoolean())
            .findFirst()
            .orElseThrow()
            .get("id")
            .asLong();
    jobId = v3.get("/v3/jobs?per_page=1").json().get(0).get("id").asLong();
    stagesOfJob =
        V3ListsTest.list(v3.get("/v3/job_interview_stages?per_page=500&job_ids=" + jobId).json())
            .stream()
            .sorted((a, b) -> a.get("sort_order").asInt() - b.get("sort_order").asInt())
            .map(s -> s.get("id").asLong())
            .toList();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonNode created(String path, Object body) {
    V3Client.Answer answer = v3.send("POST", path, body);
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.json();
  }

  private static long newCandidateWithApplication() {
    JsonNode made =
        created(
            "/v3/candidates",
            Map.of(
                "first_name",
                "Grace",
                "last_name",
                "Hopper",
                "application",
                Map.of("job_id", jobId)));
    return made.path("application").path("id").asLong();
  }

  private static List<JsonNode> stageRows(long applicationId) {
    return V3ListsTest.list(
        v3.get("/v3/application_stages?application_ids=" + applicationId).json());
  }

  @Test
  void creates_a_candidate_with_one_application() {
    JsonNode made =
        created(
            "/v3/candidates",
            Map.of(
                "first_name", "Ada",
                "last_name", "Lovelace",
                "email_addresses", List.of(Map.of("value", "ada@example.com", "type", "personal")),
                "tags", List.of("math"),
                "application", Map.of("job_id", jobId)));

    assertThat(V3ListsTest.fieldNames(made)).containsExactly("candidate", "application");
    assertThat(made.path("candidate").path("tags").get(0).asText()).isEqualTo("math");
    JsonNode app = made.path("application");
    assertThat(app.path("job_id").asLong()).isEqualTo(jobId);
    assertThat(app.path("status").asText()).isEqualTo("in_process");
    long candidateId = made.path("candidate").path("id").asLong();
    assertThat(v3.get("/v3/candidates?ids=" + candidateId).json()).hasSize(1);
    List<JsonNode> rows = stageRows(app.path("id").asLong());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("job_interview_stage_id").asLong()).isEqualTo(stagesOfJob.get(0));
  }

  @Test
  void creates_a_candidate_without_application() {
    JsonNode made = created("/v3/candidates", Map.of("first_name", "Solo", "last_name", "Person"));
    assertThat(made.get("application").isNull()).isTrue();
  }

  @Test
  void refuses_unknown_fields_missing_fields_and_unknown_references() {
    V3Client.Answer unknown =
        v3.send("POST", "/v3/candidates", Map.of("first_name", "A", "last_name", "B", "nick", "x"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorField()).isEqualTo("nick");

    V3Client.Answer nested =
        v3.send(
            "POST",
            "/v3/candidates",
            Map.of(
                "first_name",
                "A",
                "last_name",
                "B",
                "application",
                Map.of("job_id", jobId, "x", 1)));
    assertThat(nested.errorField()).isEqualTo("application.x");

    V3Client.Answer missing = v3.send("POST", "/v3/candidates", Map.of("last_name", "B"));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.errorField()).isEqualTo("first_name");
    assertThat(missing.json().path("errors").get(0).path("message").asText())
        .isEqualTo("is required");

    V3Client.Answer noJob =
        v3.send(
            "POST",
            "/v3/candidates",
            Map.of("first_name", "A", "last_name", "B", "application", Map.of("job_id", 42)));
    assertThat(noJob.status()).isEqualTo(422);
    assertThat(noJob.errorField()).isEqualTo("application.job_id");
  }

  @Test
  void patches_a_candidate() {
    long id =
        created("/v3/candidates", Map.of("first_name", "P", "last_name", "Q"))
            .path("candidate")
            .path("id")
            .asLong();

    V3Client.Answer patched = v3.send("PATCH", "/v3/candidates/" + id, Map.of("title", "CTO"));

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().path("title").asText()).isEqualTo("CTO");
    assertThat(
            v3.send("PATCH", "/v3/candidates/" + id, Map.of("application", Map.of())).errorField())
        .isEqualTo("application");
  }

  @Test
  void adds_candidate_and_prospect_applications() {
    long person =
        created("/v3/candidates", Map.of("first_name", "P", "last_name", "R"))
            .path("candidate")
            .path("id")
            .asLong();

    JsonNode app = created("/v3/applications", Map.of("candidate_id", person, "job_id", jobId));
    JsonNode prospect =
        created(
            "/v3/applications",
            Map.of("candidate_id", person, "prospect", true, "job_ids", List.of(jobId)));

    assertThat(app.path("prospect").asBoolean()).isFalse();
    assertThat(prospect.path("prospect").asBoolean()).isTrue();
    assertThat(prospect.path("job_id").isNull()).isTrue();
    assertThat(prospect.path("prospective_job_ids").get(0).asLong()).isEqualTo(jobId);
    V3Client.Answer both =
        v3.send(
            "POST",
            "/v3/applications",
            Map.of("candidate_id", person, "prospect", true, "job_id", jobId));
    assertThat(both.errorField()).isEqualTo("job_id");
    V3Client.Answer nobody =
        v3.send("POST", "/v3/applications", Map.of("candidate_id", 7, "job_id", jobId));
    assertThat(nobody.errorField()).isEqualTo("candidate_id");
  }

  @Test
  void moves_an_application_only_from_its_current_stage() {
    long app = newCandidateWithApplication();

    V3Client.Answer wrong =
        v3.send(
            "POST",
            "/v3/applications/" + app + "/move",
            Map.of("from_stage_id", stagesOfJob.get(1)));
    V3Client.Answer advanced =
        v3.send(
            "POST",
            "/v3/applications/" + app + "/move",
            Map.of("from_stage_id", stagesOfJob.get(0)));
    V3Client.Answer moved =
        v3.send(
            "POST",
            "/v3/applications/" + app + "/move",
            Map.of("from_stage_id", stagesOfJob.get(1), "to_stage_id", stagesOfJob.get(3)));

    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.errorField()).isEqualTo("from_stage_id");
    assertThat(advanced.status()).isEqualTo(204);
    assertThat(moved.status()).isEqualTo(204);
    List<JsonNode> rows = stageRows(app);
    assertThat(rows.stream().map(r -> r.get("job_interview_stage_id").asLong()))
        .containsExactly(stagesOfJob.get(3), stagesOfJob.get(1), stagesOfJob.get(0));
    assertThat(rows.stream().filter(r -> r.get("exited_at").isNull())).hasSize(1);
  }

  @Test
  void rejects_unrejects_and_hires() {
    long app = newCandidateWithApplication();
    long reason = v3.get("/v3/rejection_reasons?per_page=1").json().get(0).get("id").asLong();

    assertThat(v3.send("POST", "/v3/applications/" + app + "/reject", Map.of()).errorField())
        .isEqualTo("rejection_reason_id");
    assertThat(
            v3.send(
                    "POST",
                    "/v3/applications/" + app + "/reject",
                    Map.of("rejection_reason_id", reason, "notes", "no"))
                .status())
        .isEqualTo(204);
    JsonNode detail = v3.get("/v3/rejection_details?application_ids=" + app).json().get(0);
    assertThat(detail.path("rejection_reason_id").asLong()).isEqualTo(reason);
    assertThat(detail.path("notes").asText()).isEqualTo("no");
    assertThat(v3.send("POST", "/v3/applications/" + app + "/unreject", Map.of()).status())
        .isEqualTo(204);
    assertThat(v3.get("/v3/rejection_details?application_ids=" + app).json()).isEmpty();
    assertThat(v3.send("POST", "/v3/applications/" + app + "/hire", Map.of()).status())
        .isEqualTo(204);
    JsonNode hired = v3.get("/v3/applications?ids=" + app).json().get(0);
    assertThat(hired.path("status").asText()).isEqualTo("hired");
    assertThat(hired.path("hired_at").isTextual()).isTrue();
  }

  @Test
  void patches_and_deletes_an_application() {
    long app = newCandidateWithApplication();
    long source = v3.get("/v3/sources?per_page=1").json().get(0).get("id").asLong();

    V3Client.Answer patched =
        v3.send("PATCH", "/v3/applications/" + app, Map.of("source_id", source));
    V3Client.Answer deleted = v3.send("DELETE", "/v3/applications/" + app, null);

    assertThat(patched.json().path("source_id").asLong()).isEqualTo(source);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().path("message").asText())
        .isEqualTo("Application " + app + " deleted successfully");
    assertThat(v3.get("/v3/applications?ids=" + app).json()).isEmpty();
    assertThat(stageRows(app)).isEmpty();
  }

  @Test
  void converts_a_prospect_into_a_candidate_application() {
    long person =
        created("/v3/candidates", Map.of("first_name", "C", "last_name", "V"))
            .path("candidate")
            .path("id")
            .asLong();
    long prospect =
        created("/v3/applications", Map.of("candidate_id", person, "prospect", true))
            .path("id")
            .asLong();

    V3Client.Answer converted =
        v3.send(
            "POST",
            "/v3/applications/" + prospect + "/convert_to_candidate",
            Map.of("job_id", jobId, "to_job_interview_stage_id", stagesOfJob.get(1)));

    assertThat(converted.status()).as(converted.text()).isEqualTo(200);
    long fresh = converted.json().path("id").asLong();
    assertThat(converted.json().path("job_id").asLong()).isEqualTo(jobId);
    assertThat(v3.get("/v3/applications?ids=" + prospect).json().get(0).path("status").asText())
        .isEqualTo("converted");
    assertThat(stageRows(fresh).get(0).path("job_interview_stage_id").asLong())
        .isEqualTo(stagesOfJob.get(1));
  }

  @Test
  void adds_notes_attachments_educations_and_employments() {
    long app = newCandidateWithApplication();
    long person = v3.get("/v3/applications?ids=" + app).json().get(0).path("candidate_id").asLong();
    String pdf = Base64.getEncoder().encodeToString("%PDF-1.4".getBytes());

    JsonNode note =
        created(
            "/v3/notes",
            Map.of(
                "user_id", admin, "body", "Met", "visibility", "private", "application_id", app));
    JsonNode first =
        created(
            "/v3/attachments",
            Map.of("application_id", app, "filename", "cv.pdf", "type", "resume", "content", pdf));
    created(
        "/v3/attachments",
        Map.of(
            "application_id",
            app,
            "filename",
            "cv2.pdf",
            "type",
            "resume",
            "url",
            "https://x.test/cv2.pdf"));
    JsonNode education =
        created(
            "/v3/candidate_educations", Map.of("candidate_id", person, "start_on", "2010-09-01"));
    JsonNode employment =
        created(
            "/v3/candidate_employments",
            Map.of("candidate_id", person, "company_name", "Acme", "title", "Dev"));

    assertThat(note.path("candidate_id").asLong()).isEqualTo(person);
    assertThat(note.path("note_type").asText()).isEqualTo("NOTE");
    assertThat(v3.get("/v3/notes?application_ids=" + app).json()).hasSize(1);
    List<JsonNode> files =
        V3ListsTest.list(v3.get("/v3/attachments?application_ids=" + app).json());
    assertThat(files)
        .extracting(f -> f.get("filename").asText() + ":" + f.get("type").asText())
        .containsExactly("cv2.pdf:resume", "cv.pdf:other");
    assertThat(first.path("id").asLong()).isPositive();
    assertThat(education.path("start_on").asText()).isEqualTo("2010-09-01");
    assertThat(employment.path("company_name").asText()).isEqualTo("Acme");
    V3Client.Answer both =
        v3.send(
            "POST",
            "/v3/attachments",
            Map.of(
                "application_id",
                app,
                "filename",
                "x",
                "type",
                "other",
                "content",
                pdf,
                "url",
                "https://x.test/x"));
    assertThat(both.errorField()).isEqualTo("content");
    V3Client.Answer nowhere =
        v3.send("POST", "/v3/notes", Map.of("user_id", admin, "body", "x", "visibility", "public"));
    assertThat(nowhere.errorField()).isEqualTo("candidate_id");
  }
}
