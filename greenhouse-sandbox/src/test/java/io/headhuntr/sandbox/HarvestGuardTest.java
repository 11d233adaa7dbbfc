package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keys (401), permissions (403, checked before validation), On-Behalf-Of, GET bodies and the rate
 * limit.
 */
class HarvestGuardTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private GreenhouseSandbox sandbox;
  private SandboxHttp http;
  private long admin;

  @BeforeEach
  void start() {
    sandbox =
        GreenhouseSandbox.builder().apiKey("KEY").candidates(20).rateLimit(5).clock(clock).start();
    http = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
    admin = http.get("/v1/users?per_page=1").json().get(0).get("id").asLong();
    clock.advance(Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void a_missing_unknown_or_revoked_key_gets_401() {
    assertThat(http.withKey(null).get("/v1/jobs").status()).isEqualTo(401);
    SandboxHttp.Answer unknown = http.withKey("WRONG").get("/v1/jobs");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().get("message").asText()).contains("Harvest API key");

    SandboxHttp admin = new SandboxHttp(sandbox.baseUrl(), null, null);
    assertThat(
            admin
                .send(
                    "POST",
                    "/sandbox/keys",
                    "{\"key\":\"TEMP-KEY-1234\",\"permissions\":[\"GET: List Jobs\"]}")
                .status())
        .isEqualTo(201);
    assertThat(http.withKey("TEMP-KEY-1234").get("/v1/jobs").status()).isEqualTo(200);
    assertThat(admin.get("/sandbox/keys").text()).contains("****1234").doesNotContain("TEMP-KEY");
    assertThat(admin.send("DELETE", "/sandbox/keys/TEMP-KEY-1234", null).status()).isEqualTo(204);
    assertThat(http.withKey("TEMP-KEY-1234").get("/v1/jobs").status()).isEqualTo(401);
  }

  @Test
  void a_key_without_the_endpoint_permission_gets_403_naming_it_before_the_body_is_validated() {
    sandbox.addApiKey("READER", java.util.Set.of(Permissions.LIST_JOBS));
    sandbox.addApiKey("WRITER", java.util.Set.of(Permissions.ADD_CANDIDATE));
    SandboxHttp reader = http.withKey("READER").actingAs(admin);
    SandboxHttp writer = http.withKey("WRITER").actingAs(admin);

    SandboxHttp.Answer refused = reader.send("POST", "/v1/candidates", "{}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("POST: Add Candidate");
    assertThat(reader.get("/v1/candidates").json().get("message").asText())
        .contains("GET: List Candidates");
    SandboxHttp.Answer granted = writer.send("POST", "/v1/candidates", "{}");
    assertThat(granted.status()).as("granted: the invalid body is what is refused").isEqualTo(422);
    assertThat(granted.json().at("/errors/0/field").asText()).isEqualTo("first_name");
  }

  @Test
  void a_sandbox_can_refuse_a_missing_permission_with_401_as_some_greenhouse_setups_do() {
    try (GreenhouseSandbox strict =
        GreenhouseSandbox.builder()
            .apiKey("KEY")
            .candidates(0)
            .missingPermissionStatus(401)
            .start()) {
      strict.addApiKey("READER", java.util.Set.of(Permissions.LIST_JOBS));
      SandboxHttp reader = new SandboxHttp(strict.baseUrl(), "READER", null);
      assertThat(reader.get("/v1/jobs").status()).isEqualTo(200);
      SandboxHttp.Answer refused = reader.get("/v1/candidates");
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("message").asText()).contains("GET: List Candidates");
    }
  }

  @Test
  void writes_need_an_existing_on_behalf_of_user() {
    String body = "{\"first_name\":\"A\",\"last_name\":\"B\"}";
    SandboxHttp.Answer missing = http.send("POST", "/v1/prospects", body);
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.json().get("message").asText()).contains("On-Behalf-Of");
    assertThat(
            http.actingAs(12345L)
                .send("POST", "/v1/prospects", body)
                .json()
                .get("message")
                .asText())
        .isEqualTo("Resource not found");
    assertThat(http.actingAs(admin).send("POST", "/v1/prospects", body).status()).isEqualTo(201);
    assertThat(http.get("/v1/jobs").status()).as("reads need no On-Behalf-Of").isEqualTo(200);
  }

  @Test
  void an_unknown_path_answers_harvest_404_json() {
    SandboxHttp.Answer answer = http.get("/v1/offices/77");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("message").asText()).isEqualTo("Resource not found");
    SandboxHttp admin = new SandboxHttp(sandbox.baseUrl(), null, null);
    SandboxHttp.Answer unknownKey = admin.send("DELETE", "/sandbox/keys/NO-SUCH-KEY", null);
    assertThat(unknownKey.status()).isEqualTo(404);
  }

  @Test
  void a_get_with_a_body_gets_403() {
    SandboxHttp.Answer answer = http.send("GET", "/v1/jobs", "{\"status\":\"open\"}");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("message").asText()).contains("body");
  }

  @Test
  void every_answer_carries_the_rate_limit_and_the_sixth_call_of_a_window_gets_429() {
    SandboxHttp.Answer first = http.get("/v1/jobs");
    assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5");
    assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4");
    SandboxHttp.Answer notFound = http.get("/v1/jobs/1");
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.header("X-RateLimit-Remaining")).isEqualTo("3");
    http.get("/v1/jobs");
    http.get("/v1/jobs");
    assertThat(http.get("/v1/jobs").header("X-RateLimit-Remaining")).isEqualTo("0");

    clock.advance(Duration.ofSeconds(3));
    SandboxHttp.Answer limited = http.get("/v1/jobs");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("7");
    assertThat(Long.parseLong(limited.header("X-RateLimit-Reset")))
        .isEqualTo(clock.instant().plusSeconds(7).getEpochSecond());
    assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("5");
    assertThat(http.withKey("OTHER").get("/v1/jobs").status())
        .as("the limit is per key")
        .isEqualTo(401);

    clock.advance(Duration.ofSeconds(7));
    assertThat(http.get("/v1/jobs").status()).isEqualTo(200);
    assertThat(sandbox.rateLimitedCount("KEY")).isEqualTo(1);
    assertThat(sandbox.requestCount("KEY")).isEqualTo(8);
    String stats = new SandboxHttp(sandbox.baseUrl(), null, null).get("/sandbox/stats").text();
    assertThat(stats).contains("\"rate_limited\":1").doesNotContain("\"KEY\"");
  }
}
