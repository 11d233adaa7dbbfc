package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job create, job post status, application delete, unhire, anonymize, reference deletes and faults.
 */
class MoreActionsTest {
  private GreenhouseSandbox sandbox;
  private HookReceiver receiver;
  private SandboxHttp http;
  private SandboxHttp asAdmin;
  private SandboxHttp adminApi;

  @BeforeEach
  void start() throws Exception {
    sandbox =
        GreenhouseSandbox.builder()
            .apiKey("KEY")
            .candidates(100)
            .rateLimit(0)
            .timeScale(1000)
            .start();
    receiver = new HookReceiver();
    http = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
    asAdmin = http.actingAs(http.get("/v1/users?per_page=1").json().get(0).get("id").asLong());
    adminApi = new SandboxHttp(sandbox.baseUrl(), null, null);
    for (String when :
        List.of(
            "Job Created",
            "Job Deleted",
            "Job Post Updated",
            "Job Post Deleted",
            "Job Post Created",
            "Candidate anonymized",
            "Application deleted",
            "Candidate unhired",
            "Delete Candidate")) {
      SandboxHttp.Answer created =
          adminApi.send(
              "POST",
              "/sandbox/webhooks",
              SandboxHttp.JSON
                  .createObjectNode()
                  .put("name", when)
                  .put("when", when)
                  .put("endpoint_url", receiver.url())
                  .put("secret_key", "k")
                  .put("error_recipient_email", "ats@headhuntr.io"));
      assertThat(created.status()).as(when + ": " + created.text()).isEqualTo(201);
    }
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void a_job_created_from_a_template_copies_its_stages_and_post_and_fires_job_created() {
    long template = http.get("/v1/jobs?per_page=1").json().get(0).get("id").asLong();
    assertThat(
            asAdmin
                .send("POST", "/v1/jobs", "{\"template_job_id\":" + template + "}")
                .json()
                .at("/errors/0/field")
                .asText())
        .isEqualTo("number_of_openings");
    JsonNode job =
        asAdmin
            .send(
                "POST",
                "/v1/jobs",
                "{\"template_job_id\":"
                    + template
                    + ",\"number_of_openings\":2,\"job_name\":\"Cloned Role\"}")
            .json();
    long id = job.get("id").asLong();
    assertThat(job.get("openings").size()).isEqualTo(2);
    assertThat(job.get("copied_from_id").asLong()).isEqualTo(template);
    assertThat(http.get("/v1/jobs/" + id + "/stages").json().size()).isEqualTo(6);
    long post = http.get("/v1/jobs/" + id + "/job_post").json().get("id").asLong();
    assertThat(
            asAdmin
                .send("PATCH", "/v2/job_posts/" + post + "/status", "{\"status\":\"live\"}")
                .status())
        .isEqualTo(200);
    assertThat(http.get("/v1/job_posts/" + post).json().get("live").asBoolean()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                receiver.of("job_created").size() == 1
                    && receiver.of("job_post_created").size() == 1
                    && receiver.of("job_post_updated").size() == 1);

    assertThat(adminApi.send("DELETE", "/sandbox/job_posts/" + post, null).status())
        .as("a live post")
        .isEqualTo(422);
    asAdmin.send("PATCH", "/v2/job_posts/" + post + "/status", "{\"status\":\"offline\"}");
    assertThat(adminApi.send("DELETE", "/sandbox/job_posts/" + post, null).status()).isEqualTo(204);
    assertThat(http.get("/v1/job_posts/" + post).json().get("active").asBoolean()).isFalse();
    asAdmin.send("PATCH", "/v1/jobs/" + id, "{\"status\":\"closed\"}");
    assertThat(adminApi.send("DELETE", "/sandbox/jobs/" + id, null).status()).isEqualTo(204);
    assertThat(http.get("/v1/jobs/" + id).status()).isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                receiver.of("job_deleted").size() == 1
                    && receiver.of("job_post_deleted").size() == 1);
  }

  @Test
  void deleting_an_application_and_unhiring_fire_their_webhooks() {
    JsonNode hired = http.get("/v1/applications?status=hired&per_page=1").json().get(0);
    JsonNode unhired =
        asAdmin
            .send("POST", "/sandbox/applications/" + hired.get("id").asLong() + "/unhire", null)
            .json();
    assertThat(unhired.get("status").asText()).isEqualTo("active");

    JsonNode active = null;
    for (JsonNode a : http.get("/v1/applications?status=active&per_page=500").json()) {
      if (!a.get("prospect").asBoolean()) {
        active = a;
      }
    }
    long id = active.get("id").asLong();
    JsonNode deleted = asAdmin.send("DELETE", "/v1/applications/" + id, null).json();
    assertThat(deleted.get("message").asText())
        .isEqualTo("Application " + id + " has been deleted.");
    assertThat(http.get("/v1/applications/" + id).status()).isEqualTo(404);
    assertThat(
            http.get("/v1/candidates/" + active.get("candidate_id").asLong())
                .json()
                .get("application_ids")
                .toString())
        .doesNotContain(Long.toString(id));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                receiver.of("delete_application").size() == 1
                    && receiver.of("unhire_candidate").size() == 1);
  }

  @Test
  void merging_two_applications_on_one_job_keeps_the_primarys_and_fires_delete_application() {
    long job = http.get("/v1/jobs?status=open&per_page=1").json().get(0).get("id").asLong();
    String body =
        "{\"first_name\":\"Twin\",\"last_name\":\"Person\",\"applications\":[{\"job_id\":"
            + job
            + "}]}";
    JsonNode primary = asAdmin.send("POST", "/v1/candidates", body).json();
    JsonNode duplicate = asAdmin.send("POST", "/v1/candidates", body).json();
    long duplicateApp = duplicate.get("application_ids").get(0).asLong();

    JsonNode merged =
        asAdmin
            .send(
                "PUT",
                "/v1/candidates/merge",
                "{\"primary_candidate_id\":"
                    + primary.get("id")
                    + ",\"duplicate_candidate_id\":"
                    + duplicate.get("id")
                    + "}")
            .json();

    assertThat(merged.get("application_ids"))
        .containsExactlyElementsOf(primary.get("application_ids"));
    assertThat(http.get("/v1/applications/" + duplicateApp).status()).isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> receiver.of("delete_application").size() == 1);
    assertThat(receiver.of("delete_application").get(0).payload().at("/application/id").asLong())
        .isEqualTo(duplicateApp);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.of("delete_candidate").size() == 1);
    assertThat(receiver.of("delete_candidate").get(0).payload().at("/person/id").asLong())
        .as("without a merge_candidate webhook the merge arrives as delete_candidate")
        .isEqualTo(duplicate.get("id").asLong());
    assertThat(receiver.of("merge_candidate")).isEmpty();
  }

  @Test
  void converting_a_prospect_puts_a_candidate_application_on_the_job() {
    JsonNode prospect =
        asAdmin
            .send("POST", "/v1/prospects", "{\"first_name\":\"Pro\",\"last_name\":\"Spect\"}")
            .json();
    long oldApp = prospect.get("application_ids").get(0).asLong();
    long job = http.get("/v1/jobs?status=open&per_page=1").json().get(0).get("id").asLong();

    JsonNode answer =
        asAdmin
            .send(
                "PATCH",
                "/v1/applications/" + oldApp + "/convert_prospect",
                "{\"job_id\":" + job + "}")
            .json();

    assertThat(answer.get("success").asBoolean()).isTrue();
    assertThat(answer.get("old_application_id").asLong()).isEqualTo(oldApp);
    assertThat(answer.get("new_job_id").asLong()).isEqualTo(job);
    JsonNode fresh =
        http.get("/v1/applications/" + answer.get("new_application_id").asLong()).json();
    assertThat(fresh.get("prospect").asBoolean()).isFalse();
    assertThat(fresh.get("current_stage").get("id").asLong())
        .isEqualTo(answer.get("new_stage_id").asLong());
    assertThat(http.get("/v1/applications/" + oldApp).json().get("status").asText())
        .isEqualTo("converted");
  }

  @Test
  void educations_and_employments_can_be_removed() {
    long person = http.get("/v1/candidates?per_page=1").json().get(0).get("id").asLong();
    String c = "/v1/candidates/" + person;
    long school = http.get("/v1/schools").json().get(0).get("id").asLong();
    long education =
        asAdmin
            .send("POST", c + "/educations", "{\"school_id\":" + school + "}")
            .json()
            .get("id")
            .asLong();
    long employment =
        asAdmin
            .send(
                "POST",
                c + "/employments",
                "{\"company_name\":\"Initech\",\"title\":\"Dev\",\"start_date\":\"2020-01-01\"}")
            .json()
            .get("id")
            .asLong();

    JsonNode gone = asAdmin.send("DELETE", c + "/educations/" + education, null).json();
    assertThat(gone.get("message").asText()).isEqualTo("Education ID " + education + " destroyed.");
    assertThat(
            asAdmin
                .send("DELETE", c + "/employments/" + employment, null)
                .json()
                .get("success")
                .asBoolean())
        .isTrue();
    JsonNode after = http.get(c).json();
    assertThat(after.get("educations").toString()).doesNotContain(Long.toString(education));
    assertThat(after.get("employments").toString()).doesNotContain(Long.toString(employment));
    assertThat(asAdmin.send("DELETE", c + "/educations/" + education, null).status())
        .isEqualTo(404);
  }

  @Test
  void anonymizing_clears_the_named_fields_and_fires_candidate_anonymized() {
    JsonNode person = http.get("/v1/candidates?per_page=1").json().get(0);
    long id = person.get("id").asLong();
    JsonNode after =
        asAdmin
            .send("PUT", "/v1/candidates/" + id + "/anonymize?fields=full_name,emails", null)
            .json();
    assertThat(after.get("email_addresses").size()).isZero();
    assertThat(after.get("first_name").asText()).isNotEqualTo(person.get("first_name").asText());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> receiver.of("candidate_anonymized").size() == 1);
    assertThat(receiver.of("candidate_anonymized").get(0).payload().get("candidate_id").asLong())
        .isEqualTo(id);
  }

  @Test
  void reference_data_can_vanish() {
    long source = http.get("/v1/sources").json().get(0).get("id").asLong();
    long user = http.get("/v1/users?per_page=500").json().get(24).get("id").asLong();
    assertThat(adminApi.send("DELETE", "/sandbox/sources/" + source, null).status()).isEqualTo(204);
    assertThat(adminApi.send("DELETE", "/sandbox/users/" + user, null).status()).isEqualTo(204);
    assertThat(http.get("/v1/sources").text()).doesNotContain(Long.toString(source));
    assertThat(http.get("/v1/users/" + user).status()).isEqualTo(404);
    assertThat(
            http.actingAs(user)
                .send("POST", "/v1/prospects", "{\"first_name\":\"A\",\"last_name\":\"B\"}")
                .status())
        .as("a deleted user can no longer act")
        .isEqualTo(404);
  }

  @Test
  void waiting_webhook_retries_can_be_run_at_once() {
    assertThat(adminApi.send("POST", "/sandbox/deliveries/retry", null).status()).isEqualTo(202);
  }

  @Test
  void injected_faults_hit_only_their_path_and_clear() {
    assertThat(
            adminApi
                .send(
                    "POST",
                    "/sandbox/faults",
                    "{\"rules\":[{\"path\":\"/v1/candidates\",\"method\":\"GET\",\"error_rate\":1.0}]}")
                .status())
        .isLessThan(300);
    assertThat(http.get("/v1/candidates").status()).isEqualTo(500);
    assertThat(http.get("/v1/jobs").status()).isEqualTo(200);
    assertThat(http.withKey("WRONG").get("/v1/candidates").status())
        .as("the key is checked first")
        .isEqualTo(401);
    adminApi.send("POST", "/sandbox/faults", "{\"rules\":[]}");
    assertThat(http.get("/v1/candidates").status()).isEqualTo(200);
  }
}
