package io.headhuntr.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole sandbox: webhooks for every setup-guide label, changes made through Harvest and the
 * admin routes, and every delivery signed and (where the docs have an example) shaped like the
 * example, allowing the nulls and empty lists of real data.
 */
class SandboxWebhooksEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "e2e-key";
  private static final String SECRET = "e2e-secret";

  private GreenhouseSandbox sandbox;
  private Receiver receiver;
  private final HttpClient http = HttpClient.newHttpClient();
  private long actingUser;

  @BeforeEach
  void start() throws Exception {
    sandbox =
        GreenhouseSandbox.builder()
            .port(0)
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(60)
            .randomSeed(7L)
            .rateLimit(0)
            .timeScale(60_000)
            .start();
    receiver = new Receiver();
    actingUser = call("GET", "/v1/users?per_page=1", null).get(0).get("id").asLong();
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void every_setup_guide_event_is_delivered_signed_and_in_the_documented_shape() throws Exception {
    for (WebhookEvent event : WebhookEvent.values()) {
      JsonNode created =
          call(
              "POST",
              "/sandbox/webhooks",
              JSON.createObjectNode()
                  .put("name", "Headhuntr.io-" + event.label())
                  .put("when", event.label())
                  .put("endpoint_url", receiver.url().toString())
                  .put("secret_key", SECRET)
                  .put("error_recipient_email", "ats@headhuntr.io")
                  .toString());
      assertThat(created.get("active").booleanValue()).as(event.label()).isTrue();
    }

    makeEveryKindOfChange();

    Set<String> expected =
        Set.of(
            "hire_candidate",
            "candidate_stage_change",
            "reject_candidate",
            "unreject_candidate",
            "update_candidate",
            "delete_candidate",
            "new_prospect_application",
            "merge_candidate",
            "job_created",
            "job_deleted",
            "job_post_created",
            "job_post_deleted",
            "job_post_updated",
            "job_updated",
            "new_candidate_application",
            "unhire_candidate",
            "delete_application",
            "candidate_anonymized",
            "job_interview_stage_deleted");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(actionsReceived()).containsAll(expected));
    List<String> problems = new ArrayList<>();
    for (Receiver.Received r : receiver.received()) {
      if (!("sha256 " + Hmac.sha256Hex(SECRET, r.body())).equals(r.header("Signature"))) {
        problems.add("bad signature on " + r.text());
      }
      JsonNode body = JSON.readTree(r.body());
      String action = body.get("action").asText();
      Path example =
          ExamplePayloads.dir().map(d -> d.resolve("webhook-" + action + ".json")).orElse(null);
      if (example != null && Files.exists(example)) {
        JsonShapes.mismatchesAllowingEmpty(JSON.readTree(example.toFile()), body)
            .forEach(m -> problems.add(action + " " + m));
      }
    }
    assertThat(problems).isEmpty();
  }

  private Set<String> actionsReceived() throws Exception {
    Set<String> actions = new TreeSet<>();
    for (Receiver.Received r : receiver.received()) {
      actions.add(JSON.readTree(r.body()).get("action").asText());
    }
    return actions;
  }

  private void makeEveryKindOfChange() throws Exception {
    List<JsonNode> active = new ArrayList<>();
    call("GET", "/v1/applications?per_page=500&status=active", null)
        .forEach(
            a -> {
              if (!a.get("prospect").booleanValue() && a.hasNonNull("current_stage")) {
                active.add(a);
              }
            });
    assertThat(active.size()).isGreaterThanOrEqualTo(4);

    JsonNode advanced = active.get(0);
    call(
        "POST",
        "/v1/applications/" + advanced.get("id") + "/advance",
        "{\"from_stage_id\": " + advanced.at("/current_stage/id") + "}");
    long rejected = active.get(1).get("id").asLong();
    call("POST", "/v1/applications/" + rejected + "/reject", "{}");
    call("POST", "/v1/applications/" + rejected + "/unreject", "{}");
    long hired = active.get(2).get("id").asLong();
    call("POST", "/v1/applications/" + hired + "/hire", "{}");
    call("POST", "/sandbox/applications/" + hired + "/unhire", "{}");
    call("DELETE", "/v1/applications/" + active.get(3).get("id"), null);

    long candidateId = advanced.get("candidate_id").asLong();
    call("PATCH", "/v1/candidates/" + candidateId, "{\"title\": \"<b>Lead</b> Zo\u00eb\"}");
    long jobId = advanced.at("/jobs/0/id").asLong();
    long first = createCandidate("Ann", jobId);
    long second = createCandidate("Ann", jobId);
    call(
        "PUT",
        "/v1/candidates/merge",
        "{\"primary_candidate_id\": " + first + ", \"duplicate_candidate_id\": " + second + "}");
    call("PUT", "/v1/candidates/" + first + "/anonymize?fields=full_name", null);
    call("DELETE", "/v1/candidates/" + first, null);
    call("POST", "/v1/prospects", "{\"first_name\": \"Pat\", \"last_name\": \"Prospect\"}");

    JsonNode job =
        call("POST", "/v1/jobs", "{\"template_job_id\": " + jobId + ", \"number_of_openings\": 1}");
    long newJob = job.get("id").asLong();
    call("PATCH", "/v1/jobs/" + newJob, "{\"name\": \"Staff Engineer\"}");
    long post = call("GET", "/v1/jobs/" + newJob + "/job_posts", null).get(0).get("id").asLong();
    call("PATCH", "/v2/job_posts/" + post, "{\"title\": \"Staff Engineer / Payments\"}");
    call("PATCH", "/v2/job_posts/" + post + "/status", "{\"status\": \"offline\"}");
    call("DELETE", "/sandbox/job_posts/" + post, null);
    long stage = call("GET", "/v1/jobs/" + newJob + "/stages", null).get(0).get("id").asLong();
    call("DELETE", "/sandbox/job_stages/" + stage, null);
    call("PATCH", "/v1/jobs/" + newJob, "{\"status\": \"closed\"}");
    call("DELETE", "/sandbox/jobs/" + newJob, null);
  }

  private long createCandidate(String firstName, long jobId) throws Exception {
    String body =
        "{\"first_name\": \""
            + firstName
            + "\", \"last_name\": \"Dup\", \"email_addresses\": [{\"value\": \"ann@example.com\", \"type\": \"personal\"}],"
            + " \"applications\": [{\"job_id\": "
            + jobId
            + "}]}";
    return call("POST", "/v1/candidates", body).get("id").asLong();
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)))
            .header("On-Behalf-Of", String.valueOf(actingUser))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + " -> " + response.body())
        .isBetween(200, 299);
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
