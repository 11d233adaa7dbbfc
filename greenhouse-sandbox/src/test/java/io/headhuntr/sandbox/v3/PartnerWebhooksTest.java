package io.headhuntr.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner's webhooks through {@code /v3/webhooks}, backed by the sandbox's webhook hub. */
class PartnerWebhooksTest {
  private GreenhouseSandbox sandbox;
  private V3Client partner;
  private HookSink ok;

  @BeforeEach
  void start() throws Exception {
    sandbox =
        GreenhouseSandbox.builder().seed(SandboxSeed.DEMO).candidates(20).v3RateLimit(0).start();
    partner = V3Client.partner(sandbox);
    ok = new HookSink(200, 200);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    ok.close();
  }

  private static Map<String, Object> hook(String url, String action) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Partner " + action);
    body.put("endpoint_url", url);
    body.put("event_action_type", action);
    body.put("secret_key", "partner-secret");
    body.put("max_attempts", 3);
    return body;
  }

  @Test
  void registers_a_webhook_that_answers_its_ping() {
    V3Client.Answer made =
        partner.send("POST", "/v3/webhooks", hook(ok.url(), "candidate_stage_change"));

    assertThat(made.status()).as(made.text()).isEqualTo(201);
    JsonNode w = made.json();
    assertThat(V3ListsTest.fieldNames(w))
        .containsExactly(
            "id",
            "name",
            "endpoint_url",
            "event_action_type",
            "max_attempts",
            "deactivated",
            "last_delivered",
            "error_recipient_email",
            "created_at",
            "updated_at");
    assertThat(w.path("deactivated").asBoolean()).isFalse();
    assertThat(w.path("max_attempts").asInt()).isEqualTo(3);
    assertThat(made.text()).doesNotContain("partner-secret");
    assertThat(ok.received("ping")).hasSize(1);
  }

  @Test
  void a_failed_ping_leaves_the_webhook_deactivated() throws Exception {
    try (HookSink broken = new HookSink(500, 500)) {
      JsonNode w =
          partner.send("POST", "/v3/webhooks", hook(broken.url(), "hire_candidate")).json();
      assertThat(w.path("deactivated").asBoolean()).isTrue();
    }
  }

  @Test
  void refuses_a_second_webhook_for_one_event_action_type_and_unknown_fields() {
    partner.send("POST", "/v3/webhooks", hook(ok.url(), "reject_candidate"));

    V3Client.Answer second =
        partner.send("POST", "/v3/webhooks", hook(ok.url(), "reject_candidate"));
    Map<String, Object> odd = hook(ok.url(), "hire_candidate");
    odd.put("when", "x");

    assertThat(second.status()).isEqualTo(422);
    assertThat(second.errorField()).isEqualTo("event_action_type");
    assertThat(partner.send("POST", "/v3/webhooks", odd).errorField()).isEqualTo("when");
    Map<String, Object> noAttempts = hook(ok.url(), "hire_candidate");
    noAttempts.remove("max_attempts");
    assertThat(partner.send("POST", "/v3/webhooks", noAttempts).errorField())
        .isEqualTo("max_attempts");
  }

  @Test
  void lists_patches_and_deletes_its_webhooks() {
    long stage =
        partner
            .send("POST", "/v3/webhooks", hook(ok.url(), "candidate_stage_change"))
            .json()
            .path("id")
            .asLong();
    partner.send("POST", "/v3/webhooks", hook(ok.url(), "hire_candidate"));

    JsonNode filtered = partner.get("/v3/webhooks?event_action_type=hire_candidate").json();
    V3Client.Answer patched =
        partner.send("PATCH", "/v3/webhooks/" + stage, Map.of("deactivated", true, "name", "Off"));
    V3Client.Answer deleted = partner.send("DELETE", "/v3/webhooks/" + stage, null);

    assertThat(filtered).hasSize(1);
    assertThat(filtered.get(0).path("event_action_type").asText()).isEqualTo("hire_candidate");
    assertThat(patched.json().path("deactivated").asBoolean()).isTrue();
    assertThat(patched.json().path("name").asText()).isEqualTo("Off");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(partner.get("/v3/webhooks").json()).hasSize(1);
    assertThat(partner.send("DELETE", "/v3/webhooks/" + stage, null).status()).isEqualTo(404);
  }

  @Test
  void a_custom_client_may_not_manage_webhooks() {
    V3Client custom = V3Client.custom(sandbox);
    assertThat(custom.get("/v3/webhooks").status()).isEqualTo(403);
    assertThat(custom.send("POST", "/v3/webhooks", hook(ok.url(), "hire_candidate")).status())
        .isEqualTo(403);
  }

  @Test
  void a_v3_write_is_delivered_and_sets_last_delivered() {
    partner.send("POST", "/v3/webhooks", hook(ok.url(), "new_candidate_application"));
    long jobId = partner.get("/v3/jobs?per_page=1").json().get(0).get("id").asLong();

    partner.send(
        "POST",
        "/v3/candidates",
        Map.of("first_name", "W", "last_name", "H", "application", Map.of("job_id", jobId)));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !ok.received("new_candidate_application").isEmpty());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> partner.get("/v3/webhooks").json().get(0).path("last_delivered").isTextual());
  }

  @Test
  void stops_retrying_after_max_attempts() throws Exception {
    try (HookSink failing = new HookSink(200, 500)) {
      Map<String, Object> body = hook(failing.url(), "new_candidate_application");
      body.put("max_attempts", 2);
      partner.send("POST", "/v3/webhooks", body);
      long jobId = partner.get("/v3/jobs?per_page=1").json().get(0).get("id").asLong();
      partner.send(
          "POST",
          "/v3/candidates",
          Map.of("first_name", "R", "last_name", "T", "application", Map.of("job_id", jobId)));

      HttpClient http = HttpClient.newHttpClient();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                http.send(
                    HttpRequest.newBuilder(sandbox.baseUrl().resolve("/sandbox/deliveries/retry"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                    HttpResponse.BodyHandlers.discarding());
                JsonNode deliveries =
                    V3Client.JSON.readTree(
                        http.send(
                                HttpRequest.newBuilder(
                                        sandbox
                                            .baseUrl()
                                            .resolve(
                                                "/sandbox/deliveries?action=new_candidate_application"))
                                    .build(),
                                HttpResponse.BodyHandlers.ofString())
                            .body());
                assertThat(deliveries.get(0).path("status").asText()).isEqualTo("failed");
                assertThat(deliveries.get(0).path("attempts")).hasSize(2);
              });
      assertThat(failing.received("new_candidate_application")).hasSize(2);
    }
  }
}
