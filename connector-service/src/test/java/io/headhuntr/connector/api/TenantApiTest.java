package io.headhuntr.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantApiTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void creates_a_draft_tenant_and_reads_it_back() {
    Answer created =
        app.post(
            "/api/v1/tenants",
            app.admin(),
            Map.of("name", "Acme Corp", "error_recipient_email", "ats@acme.example"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("name").asText()).isEqualTo("Acme Corp");
    assertThat(created.json().get("error_recipient_email").asText()).isEqualTo("ats@acme.example");
    assertThat(created.json().get("state").asText()).isEqualTo("draft");
    String id = created.json().get("tenant_id").asText();

    Answer read = app.get("/api/v1/tenants/" + id, app.admin());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("name").asText()).isEqualTo("Acme Corp");
    assertThat(read.json().has("created_at")).isTrue();

    Answer list = app.get("/api/v1/tenants", app.admin());
    assertThat(list.json().findValuesAsText("tenant_id")).contains(id);
  }

  @Test
  void refuses_a_tenant_without_a_name_naming_the_field() {
    Answer answer =
        app.post("/api/v1/tenants", app.admin(), Map.of("error_recipient_email", "a@b.example"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).isEqualTo("name");
    assertThat(answer.json().get("detail").asText()).contains("name is required");
  }

  @Test
  void refuses_an_error_recipient_that_is_not_an_email() {
    Answer answer =
        app.post(
            "/api/v1/tenants",
            app.admin(),
            Map.of("name", "Acme", "error_recipient_email", "not-an-email"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().get("field").asText()).isEqualTo("error_recipient_email");
  }

  @Test
  void refuses_a_public_base_url_that_is_not_http() {
    Answer answer =
        app.post(
            "/api/v1/tenants",
            app.admin(),
            Map.of(
                "name", "Acme",
                "error_recipient_email", "a@b.example",
                "public_base_url", "ftp://x"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().get("field").asText()).isEqualTo("public_base_url");
  }

  @Test
  void refuses_a_body_that_is_not_json_as_a_problem() {
    Answer answer = app.post("/api/v1/tenants", app.admin(), "{not json");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("detail").asText()).contains("not valid JSON");
  }

  @Test
  void answers_an_unknown_route_as_a_problem() {
    Answer answer = app.get("/api/v1/nothing-here", app.admin());

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void refuses_an_oversized_body_as_a_problem() {
    String huge = "{\"name\": \"" + "x".repeat(12 * 1024 * 1024) + "\"}";

    Answer answer = app.post("/api/v1/tenants", app.admin(), huge);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void pausing_a_draft_tenant_is_a_conflict() {
    String id = app.createTenant("Draft Co");

    Answer answer = app.post("/api/v1/tenants/" + id + "/pause", app.admin(), null);

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().get("detail").asText()).contains("only an active tenant");
  }
}
