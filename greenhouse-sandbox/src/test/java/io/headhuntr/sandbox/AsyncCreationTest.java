package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * With --async-create, a new person's answer is truncated and the person 404s for 30 s / time
 * scale.
 */
class AsyncCreationTest {

  @Test
  void a_new_candidate_404s_until_greenhouse_has_finished_creating_it() {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder()
            .apiKey("KEY")
            .candidates(5)
            .rateLimit(0)
            .asyncCreate(true)
            .timeScale(3)
            .clock(clock)
            .start()) {
      SandboxHttp http = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
      long admin = http.get("/v1/users?per_page=1").json().get(0).get("id").asLong();
      long job = http.get("/v1/jobs?per_page=1").json().get(0).get("id").asLong();

      SandboxHttp.Answer created =
          http.actingAs(admin)
              .send(
                  "POST",
                  "/v1/candidates",
                  "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email_addresses\":[{\"value\":\"ada@x.example\",\"type\":\"personal\"}],"
                      + "\"applications\":[{\"job_id\":"
                      + job
                      + "}]}");
      assertThat(created.status()).isEqualTo(201);
      JsonNode truncated = created.json();
      long id = truncated.get("id").asLong();
      assertThat(truncated.get("application_ids").size()).isEqualTo(1);
      assertThat(truncated.has("first_name")).as("truncated answer").isFalse();

      assertThat(http.get("/v1/candidates/" + id).status()).isEqualTo(404);
      assertThat(http.get("/v1/candidates?email=ada@x.example").json().size()).isZero();
      clock.advance(Duration.ofSeconds(9));
      assertThat(http.get("/v1/candidates/" + id).status()).isEqualTo(404);
      clock.advance(Duration.ofSeconds(1));
      assertThat(http.get("/v1/candidates/" + id).json().get("first_name").asText())
          .isEqualTo("Ada");
      assertThat(
              http.get("/v1/applications/" + truncated.get("application_ids").get(0).asLong())
                  .status())
          .isEqualTo(200);

      SandboxHttp.Answer added =
          http.actingAs(admin)
              .send("POST", "/v1/candidates/" + id + "/applications", "{\"job_id\":" + job + "}");
      assertThat(added.json().size()).as("only the new application id").isEqualTo(1);
      long application = added.json().get("id").asLong();
      assertThat(http.get("/v1/applications/" + application).status()).isEqualTo(404);
      clock.advance(Duration.ofSeconds(10));
      assertThat(http.get("/v1/applications/" + application).status()).isEqualTo(200);
    }
  }

  @Test
  void without_async_creation_the_full_candidate_comes_back_at_once() {
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder().apiKey("KEY").candidates(5).rateLimit(0).start()) {
      SandboxHttp http = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
      long admin = http.get("/v1/users?per_page=1").json().get(0).get("id").asLong();
      JsonNode created =
          http.actingAs(admin)
              .send("POST", "/v1/prospects", "{\"first_name\":\"Ada\",\"last_name\":\"L\"}")
              .json();
      assertThat(created.get("first_name").asText()).isEqualTo("Ada");
      assertThat(http.get("/v1/candidates/" + created.get("id").asLong()).status()).isEqualTo(200);
    }
  }
}
