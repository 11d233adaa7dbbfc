package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.TestApp.Answer;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@link App} for a tenant that connected with Harvest v3 client credentials (a sandbox of
 * its own, its demo custom client, a mapped recruiter, activation): the sync completes its backfill
 * over v3 and a push made through the API ends done, with the same results {@link WiredServiceTest}
 * asserts over v1. The test reads Greenhouse's side through v1 (same account).
 */
class WiredV3ServiceTest {
  private static final String KEY = "wired-v3-service-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static GreenhouseSandbox sandbox;
  private static ClientCredentials client;
  private static TestApp app;
  private static String base;
  private static String token;

  @BeforeAll
  static void setUp() throws Exception {
    sandbox =
        GreenhouseSandbox.builder()
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(20)
            .rateLimit(0)
            .v3RateLimit(0)
            .start();
    client = sandbox.demoCustomClient();
    app = TestApp.start();
    String tenant = app.createTenant("Wired v3 " + UUID.randomUUID());
    token = app.createToken(tenant);
    base = "/api/v1/tenants/" + tenant;

    expect(
        200,
        app.put(
            base + "/greenhouse/credential",
            token,
            Map.of(
                "kind", "v3_client_credentials",
                "client_id", client.clientId(),
                "client_secret", client.secret().value(),
                "base_url", sandbox.baseUrl().toString(),
                "auth_url", sandbox.baseUrl().toString())));
    JsonNode user = harvest("/v1/users?per_page=1").get(0);
    expect(
        200,
        app.put(
            base + "/users",
            token,
            List.of(
                Map.of(
                    "id", "rec-1",
                    "email", user.get("primary_email_address").asText(),
                    "name", "Recruiter One"))));
    expect(
        200,
        app.put(
            base + "/user-mappings",
            token,
            List.of(
                Map.of(
                    "platform_user_id", "rec-1", "greenhouse_user_id", user.get("id").asLong()))));
    expect(200, app.post(base + "/activate", token, null));
  }

  @AfterAll
  static void tearDown() {
    if (app != null) {
      app.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void the_sync_completes_the_backfill_over_v3_and_mirrors_greenhouses_candidates()
      throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        expect(200, app.get(base + "/sync", token)).path("backfilled_at").asText())
                    .as("backfilled_at")
                    .isNotBlank()
                    .isNotEqualTo("null"));

    JsonNode someone = harvest("/v1/candidates?per_page=1").get(0);
    JsonNode mirrored =
        expect(200, app.get(base + "/candidates/" + someone.get("id").asLong(), token));
    assertThat(mirrored.get("last_name").asText()).isEqualTo(someone.get("last_name").asText());
    assertThat(sandbox.requestCount(client.clientId())).as("v3 calls of the client").isPositive();
  }

  @Test
  void a_push_through_the_api_ends_done_with_greenhouse_ids_written_over_v3() throws Exception {
    long jobId = harvest("/v1/jobs?per_page=1&status=open").get(0).get("id").asLong();
    String email = "wired-v3-" + UUID.randomUUID() + "@example.com";
    Map<String, Object> push =
        Map.of(
            "acting_user_id", "rec-1",
            "person",
                Map.of(
                    "first_name", "Wired",
                    "last_name", "Vthree",
                    "email_addresses", List.of(Map.of("value", email, "type", "personal"))),
            "target", Map.of("type", "candidate", "job_id", jobId));
    String pushId = expect(202, pushWithKey(push, "wired-v3-push-1")).get("id").asText();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        expect(200, app.get(base + "/pushes/" + pushId, token))
                            .get("status")
                            .asText())
                    .isEqualTo("done"));
    JsonNode done = expect(200, app.get(base + "/pushes/" + pushId, token));
    long candidateId = done.get("candidate_id").asLong();
    assertThat(candidateId).isPositive();
    assertThat(done.get("application_id").asLong()).isPositive();
    JsonNode inGreenhouse = harvest("/v1/candidates/" + candidateId);
    assertThat(inGreenhouse.get("email_addresses").findValuesAsText("value")).contains(email);
    assertThat(inGreenhouse.get("applications").findValuesAsText("id"))
        .contains(done.get("application_id").asText());
  }

  private static Answer pushWithKey(Object push, String key) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(app.baseUrl().resolve(base + "/pushes"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(push)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(
        answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
  }

  private static JsonNode expect(int status, Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    return answer.json();
  }

  /** A v1 read of the same account with the sandbox key: Greenhouse's side, as a person sees it. */
  private static JsonNode harvest(String path) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
