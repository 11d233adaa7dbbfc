package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.TestApp.Answer;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real {@link App} with a sandbox of its own and two tenants on it, each set up as the guide
 * says (credential, the 14 webhooks, a mapped recruiter, activation): one connected with the
 * Harvest v1 key, one with Harvest v3 client credentials ({@code sandbox-custom}). For each, a
 * recruiter's action in Greenhouse reaches the events feed and the mirror's read API, a push made
 * through the API ends done with Greenhouse ids, and the sync completes its backfill. Greenhouse's
 * side is read (and the recruiter acts) over v1: one account behind both APIs.
 */
class WiredServiceTest {
  private static final String KEY = "wired-service-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A tenant's API prefix and its token. */
  private record Tenant(String base, String token) {}

  private static final Map<Api, Tenant> TENANTS = new EnumMap<>(Api.class);
  private static GreenhouseSandbox sandbox;
  private static TestApp app;
  private static long recruiter;

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
    app = TestApp.start();
    JsonNode user = JSON.readTree(sandbox("GET", "/v1/users?per_page=1", null, true).body()).get(0);
    recruiter = user.get("id").asLong();
    for (Api api : Api.values()) {
      String tenant = app.createTenant("Wired " + api + " " + UUID.randomUUID());
      Tenant t = new Tenant("/api/v1/tenants/" + tenant, app.createToken(tenant));
      TENANTS.put(api, t);
      expect(
          200,
          app.put(t.base() + "/greenhouse/credential", t.token(), api.credential(sandbox, KEY)));
      createWebhooks(t);
      mapAndActivate(t.base(), t.token(), user);
    }
  }

  /** The tenant's 14 webhooks, made in Greenhouse from its setup kit. */
  private static void createWebhooks(Tenant t) throws Exception {
    JsonNode setup = expect(200, app.get(t.base() + "/webhooks/setup", t.token()));
    // the kit names the public URL (http://connector.test); the sandbox reaches this test's port
    String path = URI.create(setup.get("endpoint_url").asText()).getPath();
    for (JsonNode webhook : setup.get("webhooks")) {
      HttpResponse<String> created =
          sandbox(
              "POST",
              "/sandbox/webhooks",
              Map.of(
                  "name", webhook.get("name").asText(),
                  "when", webhook.get("when").asText(),
                  "endpoint_url", app.baseUrl() + path,
                  "secret_key", setup.get("secret_key").asText(),
                  "error_recipient_email", "ops@example.com"),
              false);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
  }

  /** Maps one platform user to the Greenhouse {@code user} and activates the tenant. */
  private static void mapAndActivate(String tenantBase, String tenantToken, JsonNode user) {
    expect(
        200,
        app.put(
            tenantBase + "/users",
            tenantToken,
            List.of(
                Map.of(
                    "id", "rec-1",
                    "email", user.get("primary_email_address").asText(),
                    "name", "Recruiter One"))));
    expect(
        200,
        app.put(
            tenantBase + "/user-mappings",
            tenantToken,
            List.of(
                Map.of(
                    "platform_user_id", "rec-1", "greenhouse_user_id", user.get("id").asLong()))));
    expect(200, app.post(tenantBase + "/activate", tenantToken, null));
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

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_recruiters_move_in_greenhouse_shows_in_the_events_feed_and_the_mirror(Api api)
      throws Exception {
    String base = TENANTS.get(api).base();
    String token = TENANTS.get(api).token();
    // each run moves an application of its own: every tenant hears every move of the account
    JsonNode application = activeApplication(api.ordinal());
    long id = application.get("id").asLong();
    long jobId = application.get("jobs").get(0).get("id").asLong();
    long from = application.get("current_stage").get("id").asLong();
    long to = 0;
    for (JsonNode stage : harvest("GET", "/v1/jobs/" + jobId + "/stages")) {
      if (stage.get("id").asLong() != from) {
        to = stage.get("id").asLong();
      }
    }
    HttpResponse<String> moved =
        sandbox(
            "POST",
            "/v1/applications/" + id + "/move",
            Map.of("from_stage_id", from, "to_stage_id", to),
            true);
    assertThat(moved.statusCode()).as(moved.body()).isLessThan(300);

    long target = to;
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode events = expect(200, app.get(base + "/events", token)).get("events");
              assertThat(events)
                  .anySatisfy(
                      e -> {
                        assertThat(e.get("type").asText()).isEqualTo("stage_changed");
                        assertThat(e.get("application_id").asLong()).isEqualTo(id);
                      });
            });
    JsonNode mirrored = expect(200, app.get(base + "/applications/" + id, token));
    assertThat(mirrored.get("current_stage_id").asLong()).isEqualTo(target);
    long candidateId = mirrored.get("candidate_id").asLong();
    JsonNode candidate = expect(200, app.get(base + "/candidates/" + candidateId, token));
    assertThat(candidate.get("applications").findValuesAsText("id")).contains(Long.toString(id));
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_push_through_the_api_ends_done_with_greenhouse_ids(Api api) throws Exception {
    String base = TENANTS.get(api).base();
    String token = TENANTS.get(api).token();
    long jobId = harvest("GET", "/v1/jobs?per_page=1&status=open").get(0).get("id").asLong();
    String email = "wired-" + api + "-" + UUID.randomUUID() + "@example.com";
    Map<String, Object> push =
        Map.of(
            "acting_user_id", "rec-1",
            "person",
                Map.of(
                    "first_name", "Wired",
                    "last_name", "Person",
                    "email_addresses", List.of(Map.of("value", email, "type", "personal"))),
            "target", Map.of("type", "candidate", "job_id", jobId));
    String pushId = expect(202, pushWithKey(base, token, push, "wired-push-1")).get("id").asText();
    // the same key answers the same push, never a second one
    assertThat(expect(202, pushWithKey(base, token, push, "wired-push-1")).get("id").asText())
        .isEqualTo(pushId);

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
    JsonNode inGreenhouse = harvest("GET", "/v1/candidates/" + candidateId);
    assertThat(inGreenhouse.get("email_addresses").findValuesAsText("value")).contains(email);
    assertThat(inGreenhouse.get("applications").findValuesAsText("id"))
        .contains(done.get("application_id").asText());
    // and the tenant's push list shows it, with or without a status filter
    assertThat(expect(200, app.get(base + "/pushes", token)).toString()).contains(pushId);
    assertThat(expect(200, app.get(base + "/pushes?status=done", token)).toString())
        .contains(pushId);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_tenant_still_in_setup_cannot_push_and_is_told_what_is_missing(Api api) throws Exception {
    String draft = "/api/v1/tenants/" + app.createTenant("Wired draft " + UUID.randomUUID());
    String draftToken = app.createToken(draft.substring(draft.lastIndexOf('/') + 1));
    expect(
        200, app.put(draft + "/greenhouse/credential", draftToken, api.credential(sandbox, KEY)));
    Map<String, Object> push =
        Map.of(
            "acting_user_id", "rec-1",
            "person", Map.of("first_name", "Too", "last_name", "Early"),
            "target", Map.of("type", "prospect"));

    Answer refused = pushWithKey(draft, draftToken, push, "draft-push-1");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).contains("problem+json");
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("problems").toString()).contains("activate the tenant");
    assertThat(expect(200, app.get(draft + "/pushes", draftToken)).toString())
        .doesNotContain("draft-push-1")
        .doesNotContain("Early");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void the_sync_answers_and_completes_the_backfill_after_activation(Api api) throws Exception {
    String base = TENANTS.get(api).base();
    String token = TENANTS.get(api).token();
    JsonNode status = expect(200, app.get(base + "/sync", token));
    assertThat(status.get("resources")).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        expect(200, app.get(base + "/sync", token)).path("backfilled_at").asText())
                    .as("backfilled_at")
                    .isNotBlank()
                    .isNotEqualTo("null"));
    assertThat(syncStatusCommand(base, token)).contains("backfilled at").contains("candidates");

    JsonNode someone = harvest("GET", "/v1/candidates?per_page=1").get(0);
    JsonNode mirrored =
        expect(200, app.get(base + "/candidates/" + someone.get("id").asLong(), token));
    assertThat(mirrored.get("last_name").asText()).isEqualTo(someone.get("last_name").asText());
    assertThat(api.requestCount(sandbox, KEY)).as("calls of the tenant's credential").isPositive();
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void pausing_a_tenant_pauses_its_sync_and_pushes_and_resuming_lifts_both(Api api)
      throws Exception {
    String other = "/api/v1/tenants/" + app.createTenant("Wired pause " + UUID.randomUUID());
    String otherToken = app.createToken(other.substring(other.lastIndexOf('/') + 1));
    expect(
        200, app.put(other + "/greenhouse/credential", otherToken, api.credential(sandbox, KEY)));
    mapAndActivate(other, otherToken, harvest("GET", "/v1/users?per_page=1").get(0));

    expect(200, app.post(other + "/pause", otherToken, null));
    JsonNode paused = expect(200, app.get(other + "/sync", otherToken));
    assertThat(paused.path("paused_reason").asText()).contains("deactivated");
    JsonNode pushesPaused = expect(200, app.get(other + "/push-settings", otherToken));
    assertThat(pushesPaused.path("paused").asBoolean()).isTrue();
    assertThat(pushesPaused.path("pause_reason").asText()).contains("tenant was paused");

    expect(200, app.post(other + "/resume", otherToken, null));
    assertThat(expect(200, app.get(other + "/sync", otherToken)).path("paused_reason").isNull())
        .isTrue();
    assertThat(
            expect(200, app.get(other + "/push-settings", otherToken)).path("paused").asBoolean())
        .isFalse();
  }

  /** {@code connector sync status} against this app, as an operator runs it. */
  private static String syncStatusCommand(String base, String token) {
    String tenantId = base.substring(base.lastIndexOf('/') + 1);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      exit =
          Main.commandLine()
              .execute(
                  "sync",
                  "status",
                  "--tenant",
                  tenantId,
                  "--url",
                  app.baseUrl().toString(),
                  "--token",
                  token);
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isZero();
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** The {@code n}-th active application on one job with a stage (n from 0). */
  private static JsonNode activeApplication(int n) throws Exception {
    int seen = 0;
    for (JsonNode application : harvest("GET", "/v1/applications?per_page=100&status=active")) {
      if (!application.get("prospect").asBoolean()
          && application.get("current_stage").isObject()
          && application.get("jobs").size() == 1
          && seen++ == n) {
        return application;
      }
    }
    throw new IllegalStateException("the sandbox has no active application on a job");
  }

  private static Answer pushWithKey(String tenantBase, String tenantToken, Object push, String key)
      throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(app.baseUrl().resolve(tenantBase + "/pushes"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tenantToken)
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

  private static JsonNode harvest(String method, String path) throws Exception {
    HttpResponse<String> answer = sandbox(method, path, null, true);
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static HttpResponse<String> sandbox(
      String method, String path, Object body, boolean authorized) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorized) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)));
      if (recruiter != 0) {
        request.header("On-Behalf-Of", Long.toString(recruiter));
      }
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
