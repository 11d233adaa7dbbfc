package io.headhuntr.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One account, two APIs: a v3 write shows in v1 reads and fires the v1-shaped webhook; a v1 change
 * shows in v3; asynchronous creation hides a v3-created person from {@code ?ids=} for a while.
 */
class CrossApiTest {
  private static final String KEY = "v1-key";
  private static GreenhouseSandbox sandbox;
  private static HookSink sink;
  private static V3Client v3;
  private static long admin;
  private static long jobId;
  private static List<Long> stages;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        GreenhouseSandbox.builder()
            .seed(SandboxSeed.DEMO)
            .candidates(40)
            .apiKey(KEY)
            .v3RateLimit(0)
            .start();
    sink = new HookSink(200, 200);
    for (String when : List.of("Candidate has changed stage", "Application created")) {
      HttpResponse<String> made =
          v1(
              "POST",
              "/sandbox/webhooks",
              Map.of(
                  "name",
                  when,
                  "when",
                  when,
                  "endpoint_url",
                  sink.url(),
                  "secret_key",
                  "s3cret",
                  "error_recipient_email",
                  "ops@example.com"));
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }
    v3 = V3Client.custom(sandbox);
    admin =
        V3ListsTest.list(v3.get("/v3/users?per_page=500").json()).stream()
            .filter(u -> u.get("site_admin").asBoolean())
            .findFirst()
            .orElseThrow()
            .get("id")
            .asLong();
    jobId = v3.get("/v3/jobs?per_page=1").json().get(0).get("id").asLong();
    stages =
        V3ListsTest.list(v3.get("/v3/job_interview_stages?per_page=500&job_ids=" + jobId).json())
            .stream()
            .sorted((a, b) -> a.get("sort_order").asInt() - b.get("sort_order").asInt())
            .map(s -> s.get("id").asLong())
            .toList();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    sink.close();
  }

  private static HttpResponse<String> v1(String method, String path, Object body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)))
            .header("On-Behalf-Of", Long.toString(admin == 0 ? 1 : admin))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(V3Client.JSON.writeValueAsString(body)));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return V3Client.JSON.readTree(response.body());
  }

  @Test
  void a_v3_created_candidate_reads_in_v1_and_fires_the_v1_application_webhook() throws Exception {
    JsonNode made =
        v3.send(
                "POST",
                "/v3/candidates",
                Map.of(
                    "first_name",
                    "Vee",
                    "last_name",
                    "Three",
                    "application",
                    Map.of("job_id", jobId)))
            .json();
    long candidateId = made.path("candidate").path("id").asLong();
    long appId = made.path("application").path("id").asLong();

    JsonNode inV1 = json(v1("GET", "/v1/candidates/" + candidateId, null));

    assertThat(inV1.path("first_name").asText()).isEqualTo("Vee");
    assertThat(inV1.path("application_ids").get(0).asLong()).isEqualTo(appId);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(sink.received("new_candidate_application"))
                    .anyMatch(
                        j -> j.path("payload").path("application").path("id").asLong() == appId));
    JsonNode payload =
        sink.received("new_candidate_application").stream()
            .filter(j -> j.path("payload").path("application").path("id").asLong() == appId)
            .findFirst()
            .orElseThrow()
            .path("payload");
    assertThat(payload.path("application").path("candidate").path("id").asLong())
        .isEqualTo(candidateId);
  }

  @Test
  void a_v3_move_fires_candidate_stage_change_in_its_v1_shape() {
    long appId =
        v3.send(
                "POST",
                "/v3/candidates",
                Map.of(
                    "first_name", "Mo", "last_name", "Ver", "application", Map.of("job_id", jobId)))
            .json()
            .path("application")
            .path("id")
            .asLong();

    V3Client.Answer moved =
        v3.send(
            "POST",
            "/v3/applications/" + appId + "/move",
            Map.of("from_stage_id", stages.get(0), "to_stage_id", stages.get(2)));

    assertThat(moved.status()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(sink.received("candidate_stage_change"))
                    .anyMatch(
                        j ->
                            j.path("payload").path("application").path("id").asLong() == appId
                                && j.path("payload")
                                        .path("application")
                                        .path("current_stage")
                                        .path("id")
                                        .asLong()
                                    == stages.get(2)));
  }

  @Test
  void a_v1_move_shows_in_v3_application_stages() throws Exception {
    long appId =
        v3.send(
                "POST",
                "/v3/applications",
                Map.of(
                    "candidate_id",
                    v3.send("POST", "/v3/candidates", Map.of("first_name", "A", "last_name", "B"))
                        .json()
                        .path("candidate")
                        .path("id")
                        .asLong(),
                    "job_id",
                    jobId))
            .json()
            .path("id")
            .asLong();

    HttpResponse<String> moved =
        v1(
            "POST",
            "/v1/applications/" + appId + "/move",
            Map.of("from_stage_id", stages.get(0), "to_stage_id", stages.get(1)));

    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    List<JsonNode> rows =
        V3ListsTest.list(v3.get("/v3/application_stages?application_ids=" + appId).json());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).path("job_interview_stage_id").asLong()).isEqualTo(stages.get(1));
    assertThat(rows.get(0).path("exited_at").isNull()).isTrue();
    assertThat(rows.get(1).path("job_interview_stage_id").asLong()).isEqualTo(stages.get(0));
    assertThat(rows.get(1).path("exited_at").isTextual()).isTrue();
  }

  @Test
  void a_v1_note_lists_in_v3_notes() throws Exception {
    long person =
        v3.send("POST", "/v3/candidates", Map.of("first_name", "N", "last_name", "O"))
            .json()
            .path("candidate")
            .path("id")
            .asLong();

    HttpResponse<String> note =
        v1(
            "POST",
            "/v1/candidates/" + person + "/activity_feed/notes",
            Map.of("user_id", admin, "body", "from v1", "visibility", "public"));

    assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
    JsonNode rows = v3.get("/v3/notes?candidate_ids=" + person).json();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("body").asText()).isEqualTo("from v1");
    assertThat(rows.get(0).path("application_id").isNull()).isTrue();
  }

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private volatile Instant now = Instant.parse("2026-05-11T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void with_asynchronous_creation_a_new_person_reads_as_absent_for_a_while() {
    HandClock clock = new HandClock();
    try (GreenhouseSandbox slow =
        GreenhouseSandbox.builder()
            .seed(SandboxSeed.DEMO)
            .candidates(5)
            .asyncCreate(true)
            .clock(clock)
            .v3RateLimit(0)
            .start()) {
      V3Client client = V3Client.custom(slow);
      V3Client.Answer made =
          client.send("POST", "/v3/candidates", Map.of("first_name", "Late", "last_name", "Comer"));
      long id = made.json().path("candidate").path("id").asLong();

      assertThat(made.status()).isEqualTo(201);
      assertThat(client.get("/v3/candidates?ids=" + id).json()).isEmpty();
      clock.advance(Duration.ofMinutes(1));
      assertThat(client.get("/v3/candidates?ids=" + id).json()).hasSize(1);
    }
  }
}
