package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recruiter actions change the account as Greenhouse would (stage, status, openings, activity feed,
 * updated_at) and each delivers its webhook, signed over the exact bytes sent.
 */
class RecruiterActionsTest {
  private static final String SECRET = "s3cret-for-tests";

  private GreenhouseSandbox sandbox;
  private HookReceiver receiver;
  private SandboxHttp http;
  private SandboxHttp asAdmin;
  private long admin;

  @BeforeEach
  void start() throws Exception {
    sandbox =
        GreenhouseSandbox.builder()
            .apiKey("KEY")
            .candidates(400)
            .rateLimit(0)
            .timeScale(1000)
            .start();
    receiver = new HookReceiver();
    http = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
    admin = http.get("/v1/users?per_page=1").json().get(0).get("id").asLong();
    asAdmin = http.actingAs(admin);
    SandboxHttp adminApi = new SandboxHttp(sandbox.baseUrl(), null, null);
    for (String when :
        List.of(
            "Candidate has changed stage",
            "Candidate or Prospect rejected",
            "Candidate or Prospect unrejected",
            "Candidate has been hired",
            "Merged Candidate",
            "Delete Candidate",
            "Job Updated",
            "Job Post Updated",
            "Candidate or Prospect updated")) {
      SandboxHttp.Answer created =
          adminApi.send(
              "POST",
              "/sandbox/webhooks",
              SandboxHttp.JSON
                  .createObjectNode()
                  .put("name", "Headhuntr.io-" + when)
                  .put("when", when)
                  .put("endpoint_url", receiver.url())
                  .put("secret_key", SECRET)
                  .put("error_recipient_email", "ats@headhuntr.io"));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
    }
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  private JsonNode activeApplicationAt(int stagePriority) {
    for (JsonNode a : http.get("/v1/applications?status=active&per_page=500").json()) {
      if (!a.get("prospect").asBoolean() && !a.get("current_stage").isNull()) {
        long job = a.get("jobs").get(0).get("id").asLong();
        JsonNode stages = http.get("/v1/jobs/" + job + "/stages").json();
        if (stages.get(stagePriority).get("id").equals(a.get("current_stage").get("id"))) {
          return a;
        }
      }
    }
    throw new AssertionError("no active application at stage " + stagePriority);
  }

  @Test
  void advance_moves_to_the_next_stage_records_the_activity_and_fires_candidate_stage_change()
      throws Exception {
    JsonNode app = activeApplicationAt(0);
    long id = app.get("id").asLong();
    long job = app.get("jobs").get(0).get("id").asLong();
    JsonNode stages = http.get("/v1/jobs/" + job + "/stages").json();

    JsonNode advanced =
        asAdmin
            .send(
                "POST",
                "/v1/applications/" + id + "/advance",
                "{\"from_stage_id\":" + stages.get(0).get("id") + "}")
            .json();

    assertThat(advanced.get("current_stage").get("id")).isEqualTo(stages.get(1).get("id"));
    assertThat(advanced.get("last_activity_at").asText())
        .isGreaterThan(app.get("last_activity_at").asText());
    JsonNode feed =
        http.get("/v1/candidates/" + app.get("candidate_id").asLong() + "/activity_feed").json();
    assertThat(feed.get("activities").get(0).get("subject").asText())
        .isEqualTo("Candidate Stage Change");
    assertThat(feed.get("activities").get(0).get("user").get("id").asLong()).isEqualTo(admin);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !receiver.of("candidate_stage_change").isEmpty());
    HookReceiver.Received hook = receiver.of("candidate_stage_change").get(0);
    assertThat(hook.payload().at("/application/id").asLong()).isEqualTo(id);
    assertThat(hook.payload().at("/application/current_stage/id").asLong())
        .isEqualTo(stages.get(1).get("id").asLong());
    assertThat(hook.signature()).isEqualTo("sha256 " + hmac(hook.body()));

    SandboxHttp.Answer stale =
        asAdmin.send(
            "POST",
            "/v1/applications/" + id + "/advance",
            "{\"from_stage_id\":" + stages.get(0).get("id") + "}");
    assertThat(stale.status()).isEqualTo(422);
    assertThat(stale.json().at("/errors/0/field").asText()).isEqualTo("from_stage_id");
  }

  @Test
  void reject_unreject_and_hire_change_status_and_fire_their_webhooks() {
    JsonNode app = activeApplicationAt(1);
    long id = app.get("id").asLong();
    String path = "/v1/applications/" + id;

    JsonNode rejected =
        asAdmin.send("POST", path + "/reject", "{\"notes\":\"Not this time\"}").json();
    assertThat(rejected.get("status").asText()).isEqualTo("rejected");
    assertThat(rejected.get("rejected_at").isNull()).isFalse();
    assertThat(rejected.get("rejection_reason").get("name").asText()).isNotBlank();
    SandboxHttp.Answer twice = asAdmin.send("POST", path + "/reject", "{}");
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.json().at("/errors/0/message").asText())
        .isEqualTo("Application must be 'active', is currently 'rejected'");

    long otherReason = 0;
    for (JsonNode r : http.get("/v1/applications?status=rejected&per_page=500").json()) {
      if (!r.get("rejection_reason").get("id").equals(rejected.get("rejection_reason").get("id"))) {
        otherReason = r.get("rejection_reason").get("id").asLong();
      }
    }
    JsonNode reasonChanged =
        asAdmin
            .send("PATCH", path + "/reject", "{\"rejection_reason_id\":" + otherReason + "}")
            .json();
    assertThat(reasonChanged.get("rejection_reason").get("id").asLong()).isEqualTo(otherReason);

    JsonNode unrejected = asAdmin.send("POST", path + "/unreject", "{}").json();
    assertThat(unrejected.get("status").asText()).isEqualTo("active");
    assertThat(unrejected.get("rejection_reason").isNull()).isTrue();

    long job = app.get("jobs").get(0).get("id").asLong();
    long openBefore = countOpenOpenings(job);
    JsonNode hired = asAdmin.send("POST", path + "/hire", "{\"start_date\":\"2026-04-01\"}").json();
    assertThat(hired.get("status").asText()).isEqualTo("hired");
    assertThat(countOpenOpenings(job)).isEqualTo(openBefore - 1);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                receiver.of("reject_candidate").size() == 1
                    && receiver.of("unreject_candidate").size() == 1
                    && receiver.of("hire_candidate").size() == 1);
    assertThat(receiver.of("hire_candidate").get(0).payload().at("/application/id").asLong())
        .isEqualTo(id);
  }

  private long countOpenOpenings(long job) {
    long open = 0;
    for (JsonNode o : http.get("/v1/jobs/" + job).json().get("openings")) {
      open += o.get("status").asText().equals("open") ? 1 : 0;
    }
    return open;
  }

  @Test
  void move_and_transfer_change_stage_and_job() {
    JsonNode app = activeApplicationAt(0);
    long id = app.get("id").asLong();
    long job = app.get("jobs").get(0).get("id").asLong();
    JsonNode stages = http.get("/v1/jobs/" + job + "/stages").json();
    JsonNode moved =
        asAdmin
            .send(
                "POST",
                "/v1/applications/" + id + "/move",
                "{\"from_stage_id\":"
                    + stages.get(0).get("id")
                    + ",\"to_stage_id\":"
                    + stages.get(3).get("id")
                    + "}")
            .json();
    assertThat(moved.get("current_stage").get("name").asText()).isEqualTo("Face to Face");

    long otherJob = 0;
    for (JsonNode j : http.get("/v1/jobs?status=open").json()) {
      if (j.get("id").asLong() != job) {
        otherJob = j.get("id").asLong();
      }
    }
    JsonNode transferred =
        asAdmin
            .send(
                "POST",
                "/v1/applications/" + id + "/transfer_to_job",
                "{\"new_job_id\":" + otherJob + "}")
            .json();
    assertThat(transferred.get("jobs").get(0).get("id").asLong()).isEqualTo(otherJob);
    assertThat(transferred.get("current_stage").get("name").asText())
        .isEqualTo("Application Review");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> receiver.of("candidate_stage_change").size() == 2);
  }

  @Test
  void merge_moves_applications_to_the_primary_and_the_duplicate_ceases_to_exist() {
    JsonNode people = http.get("/v1/candidates?per_page=2").json();
    long primary = people.get(0).get("id").asLong();
    long duplicate = people.get(1).get("id").asLong();
    List<Long> apps = new ArrayList<>();
    people.forEach(p -> p.get("application_ids").forEach(a -> apps.add(a.asLong())));

    JsonNode merged =
        asAdmin
            .send(
                "PUT",
                "/v1/candidates/merge",
                "{\"primary_candidate_id\":"
                    + primary
                    + ",\"duplicate_candidate_id\":"
                    + duplicate
                    + "}")
            .json();

    List<Long> after = new ArrayList<>();
    merged.get("application_ids").forEach(a -> after.add(a.asLong()));
    assertThat(after).containsExactlyInAnyOrderElementsOf(apps);
    assertThat(http.get("/v1/candidates/" + duplicate).status()).isEqualTo(404);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.of("merge_candidate").size() == 1);
    JsonNode person = receiver.of("merge_candidate").get(0).payload().get("person");
    assertThat(person.get("id").asLong()).isEqualTo(duplicate);
    assertThat(person.get("new_candidate_id").asLong()).isEqualTo(primary);

    JsonNode deleted = asAdmin.send("DELETE", "/v1/candidates/" + primary, null).json();
    assertThat(deleted.get("message").asText())
        .isEqualTo("Person " + primary + " has been deleted.");
    assertThat(http.get("/v1/applications/" + apps.get(0)).status()).isEqualTo(404);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.of("delete_candidate").size() == 1);
  }

  @Test
  void bulk_reject_sends_one_webhook_per_application() {
    List<Long> ids = new ArrayList<>();
    for (JsonNode a : http.get("/v1/applications?status=active&per_page=150").json()) {
      ids.add(a.get("id").asLong());
    }
    JsonNode answer =
        new SandboxHttp(sandbox.baseUrl(), null, admin)
            .send(
                "POST",
                "/sandbox/bulk/reject",
                SandboxHttp.JSON
                    .createObjectNode()
                    .set("application_ids", SandboxHttp.JSON.valueToTree(ids)))
            .json();
    assertThat(answer.get("rejected").size()).isEqualTo(ids.size());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> receiver.of("reject_candidate").size() == ids.size());
    List<Long> delivered =
        receiver.of("reject_candidate").stream()
            .map(r -> r.payload().at("/application/id").asLong())
            .toList();
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(http.get("/v1/applications/" + ids.get(0)).json().get("status").asText())
        .isEqualTo("rejected");
  }

  @Test
  void job_and_job_post_updates_fire_their_webhooks() {
    long job = http.get("/v1/jobs?per_page=1").json().get(0).get("id").asLong();
    JsonNode updated =
        asAdmin.send("PATCH", "/v1/jobs/" + job, "{\"name\":\"Renamed Job\"}").json();
    assertThat(updated.get("name").asText()).isEqualTo("Renamed Job");
    long post = http.get("/v1/jobs/" + job + "/job_post").json().get("id").asLong();
    assertThat(
            asAdmin.send("PATCH", "/v2/job_posts/" + post, "{\"title\":\"Renamed Post\"}").status())
        .isEqualTo(200);
    assertThat(http.get("/v1/job_posts/" + post).json().get("title").asText())
        .isEqualTo("Renamed Post");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                receiver.of("job_updated").size() == 1
                    && receiver.of("job_post_updated").size() == 1);
    assertThat(receiver.of("job_updated").get(0).payload().at("/job/name").asText())
        .isEqualTo("Renamed Job");
  }

  private static String hmac(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
