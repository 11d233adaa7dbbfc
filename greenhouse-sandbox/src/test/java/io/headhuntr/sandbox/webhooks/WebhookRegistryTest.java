package io.headhuntr.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.sandbox.webhooks.AdminApp.Answer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookRegistryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Receiver receiver;
  private WebhookHub hub;
  private AdminApp admin;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver();
    hub = new WebhookHub(WebhookHubConfig.defaults().withTimeScale(1_000_000));
    admin = new AdminApp(hub);
  }

  @AfterEach
  void stop() {
    admin.close();
    hub.close();
    receiver.close();
  }

  private String createBody(String when, String url) {
    return """
        {"name": "Headhuntr.io-Candidate Hired", "when": "%s", "endpoint_url": "%s",
         "secret_key": "s3cret", "error_recipient_email": "ats@headhuntr.io"}"""
        .formatted(when, url);
  }

  @Test
  void create_pings_at_once_with_a_signed_ping_echoing_the_configuration() throws Exception {
    Answer answer =
        admin.send(
            "POST",
            "/sandbox/webhooks",
            createBody("Candidate has been hired", receiver.url().toString()));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body().get("active").booleanValue()).isTrue();
    assertThat(receiver.received()).hasSize(1);
    Receiver.Received ping = receiver.received().get(0);
    assertThat(ping.header("Signature"))
        .isEqualTo("sha256 " + Hmac.sha256Hex("s3cret", ping.body()));
    JsonNode body = JSON.readTree(ping.body());
    assertThat(body.get("action").asText()).isEqualTo("ping");
    JsonNode payload = body.get("payload");
    assertThat(payload.get("event").asText()).isEqualTo("Candidate has been hired");
    assertThat(payload.get("web_hook_id").asLong()).isEqualTo(answer.body().get("id").asLong());
    assertThat(payload.get("name").asText()).isEqualTo("Headhuntr.io-Candidate Hired");
    assertThat(payload.get("endpoint_url").asText()).isEqualTo(receiver.url().toString());
    assertThat(payload.get("active").booleanValue()).isTrue();
    assertThat(ping.text()).contains("\"endpoint_url\":\"http:\\/\\/127.0.0.1:");
  }

  @Test
  void ping_has_every_key_of_the_captured_ping_fixture_with_the_same_types() throws Exception {
    Path example = ExamplePayloads.dir().map(d -> d.resolve("webhook-ping.json")).orElse(null);
    Assumptions.assumeTrue(example != null && Files.exists(example), ExamplePayloads.SKIP_MESSAGE);
    hub.register("Zulip", "Candidate has been hired", receiver.url(), "k", "ops@example.com");

    JsonNode sent = JSON.readTree(receiver.received().get(0).body());

    assertThat(JsonShapes.mismatches(JSON.readTree(example.toFile()), sent)).isEmpty();
  }

  @Test
  void a_failed_ping_leaves_the_webhook_inactive_and_notifies_the_error_recipient()
      throws Exception {
    receiver.answering(r -> 500);

    Answer answer =
        admin.send(
            "POST", "/sandbox/webhooks", createBody("Job Created", receiver.url().toString()));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body().get("active").booleanValue()).isFalse();
    assertThat(
            admin.send("GET", "/sandbox/webhooks", null).body().get(0).get("active").booleanValue())
        .isFalse();
    JsonNode notices = admin.send("GET", "/sandbox/notices", null).body();
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).get("recipient").asText()).isEqualTo("ats@headhuntr.io");
    assertThat(notices.get(0).get("reason").asText()).contains("ping failed", "HTTP 500");
  }

  @Test
  void a_ping_to_a_closed_port_also_leaves_it_inactive() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Webhook hook =
        hub.register(
            "x",
            "Job Created",
            java.net.URI.create("http://127.0.0.1:" + closedPort + "/"),
            "k",
            "a@b.c");

    assertThat(hook.active()).isFalse();
    assertThat(hub.notices())
        .singleElement()
        .satisfies(n -> assertThat(n.reason()).contains("ConnectException"));
  }

  @Test
  void a_ping_answered_204_counts_as_failed() throws Exception {
    receiver.answering(r -> 204);

    assertThat(hub.register("x", "Job Created", receiver.url(), "k", "a@b.c").active()).isFalse();
  }

  @Test
  void every_label_of_the_setup_guide_maps_to_its_action() {
    List<String> actions = new ArrayList<>();
    for (String label :
        List.of(
            "Candidate has been hired",
            "Candidate has changed stage",
            "Candidate or Prospect rejected",
            "Candidate or Prospect unrejected",
            "Candidate or Prospect updated",
            "Delete Candidate",
            "Prospect created",
            "Merged Candidate",
            "Job Created",
            "Job Deleted",
            "Job Post Created",
            "Job Post Deleted",
            "Job Post Updated",
            "Job Updated")) {
      actions.add(WebhookEvent.ofLabel(label).orElseThrow().action());
    }

    assertThat(actions)
        .containsExactly(
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
            "job_updated");
  }

  @Test
  void an_unknown_when_label_is_refused_with_422_naming_the_field() throws Exception {
    Answer answer =
        admin.send(
            "POST", "/sandbox/webhooks", createBody("hire_candidate", receiver.url().toString()));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("when");
    assertThat(answer.body().get("errors").get(0).get("message").asText())
        .contains("Candidate has been hired");
    assertThat(receiver.received()).isEmpty();
    assertThat(hub.webhooks()).isEmpty();
  }

  @Test
  void unknown_and_missing_fields_and_bad_urls_are_refused_by_name() throws Exception {
    Answer unknown =
        admin.send(
            "POST",
            "/sandbox/webhooks",
            createBody("Job Created", receiver.url().toString())
                .replace("}", ", \"retries\": 25}"));
    Answer missing =
        admin.send("POST", "/sandbox/webhooks", "{\"name\": \"n\", \"when\": \"Job Created\"}");
    Answer badUrl =
        admin.send("POST", "/sandbox/webhooks", createBody("Job Created", "ftp://example.com/x"));

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("retries");
    assertThat(missing.body().get("errors").get(0).get("field").asText()).isEqualTo("endpoint_url");
    assertThat(badUrl.body().get("errors").get(0).get("field").asText()).isEqualTo("endpoint_url");
  }

  @Test
  void list_shows_status_and_never_the_secret() throws Exception {
    admin.send(
        "POST",
        "/sandbox/webhooks",
        createBody("Candidate has been hired", receiver.url().toString()));

    Answer list = admin.send("GET", "/sandbox/webhooks", null);

    assertThat(list.status()).isEqualTo(200);
    JsonNode hook = list.body().get(0);
    assertThat(hook.get("when").asText()).isEqualTo("Candidate has been hired");
    assertThat(hook.get("action").asText()).isEqualTo("hire_candidate");
    assertThat(hook.get("last_delivery").get("action").asText()).isEqualTo("ping");
    assertThat(hook.get("last_delivery").get("status_code").asInt()).isEqualTo(200);
    assertThat(list.body().toString()).doesNotContain("s3cret");
    assertThat(hub.webhooks().get(0).toString()).doesNotContain("s3cret");
  }

  @Test
  void saving_again_re_pings_and_reenables_a_webhook_whose_ping_failed() throws Exception {
    receiver.answering(r -> 503);
    long id =
        admin
            .send("POST", "/sandbox/webhooks", createBody("Job Updated", receiver.url().toString()))
            .body()
            .get("id")
            .asLong();
    receiver.answering(r -> 200);

    Answer update = admin.send("PATCH", "/sandbox/webhooks/" + id, "{\"active\": true}");

    assertThat(update.status()).isEqualTo(200);
    assertThat(update.body().get("active").booleanValue()).isTrue();
    assertThat(receiver.receivedWithAction("ping")).hasSize(2);
  }

  @Test
  void disabling_does_not_ping_and_changing_the_secret_signs_the_next_ping_with_it()
      throws Exception {
    long id =
        admin
            .send("POST", "/sandbox/webhooks", createBody("Job Updated", receiver.url().toString()))
            .body()
            .get("id")
            .asLong();

    Answer disabled = admin.send("PATCH", "/sandbox/webhooks/" + id, "{\"active\": false}");
    Answer rotated =
        admin.send("PATCH", "/sandbox/webhooks/" + id, "{\"secret_key\": \"new-secret\"}");

    assertThat(disabled.body().get("active").booleanValue()).isFalse();
    assertThat(rotated.body().get("active").booleanValue()).isTrue();
    List<Receiver.Received> pings = receiver.receivedWithAction("ping");
    assertThat(pings).hasSize(2);
    assertThat(pings.get(1).header("Signature"))
        .isEqualTo("sha256 " + Hmac.sha256Hex("new-secret", pings.get(1).body()));
  }

  @Test
  void advanced_settings_send_basic_auth_and_additional_headers_and_hide_the_password()
      throws Exception {
    String body =
        createBody("Job Created", receiver.url().toString())
            .replace(
                "}",
                ", \"basic_auth_username\": \"greenhouse\", \"basic_auth_password\": \"pa55\","
                    + " \"additional_headers\": {\"X-Tenant\": \"acme\"}}");

    Answer created = admin.send("POST", "/sandbox/webhooks", body);

    assertThat(created.status()).isEqualTo(201);
    Receiver.Received ping = receiver.received().get(0);
    assertThat(ping.header("Authorization"))
        .isEqualTo(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        "greenhouse:pa55".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(ping.header("X-Tenant")).isEqualTo("acme");
    assertThat(created.body().get("basic_auth_username").asText()).isEqualTo("greenhouse");
    assertThat(created.body().toString()).doesNotContain("pa55");
    assertThat(hub.webhooks().get(0).advanced().toString()).doesNotContain("pa55");
  }

  @Test
  void additional_headers_cannot_override_reserved_ones() throws Exception {
    String body =
        createBody("Job Created", receiver.url().toString())
            .replace("}", ", \"additional_headers\": {\"signature\": \"sha256 forged\"}}");

    Answer refused = admin.send("POST", "/sandbox/webhooks", body);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().at("/errors/0/field").asText())
        .isEqualTo("additional_headers.signature");
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void updating_an_unknown_webhook_is_404() throws Exception {
    assertThat(admin.send("PATCH", "/sandbox/webhooks/999", "{\"active\": true}").status())
        .isEqualTo(404);
    assertThat(admin.send("PATCH", "/sandbox/webhooks/abc", "{\"active\": true}").status())
        .isEqualTo(404);
  }

  @Test
  void delivery_log_lists_pings_newest_first_and_filters() throws Exception {
    admin.send("POST", "/sandbox/webhooks", createBody("Job Created", receiver.url().toString()));
    receiver.answering(r -> 500);
    admin.send("POST", "/sandbox/webhooks", createBody("Job Updated", receiver.url().toString()));

    JsonNode all = admin.send("GET", "/sandbox/deliveries", null).body();
    JsonNode failed = admin.send("GET", "/sandbox/deliveries?status=failed", null).body();

    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("id").asLong()).isGreaterThan(all.get(1).get("id").asLong());
    assertThat(failed).hasSize(1);
    JsonNode attempt = failed.get(0).get("attempts").get(0);
    assertThat(attempt.get("status_code").asInt()).isEqualTo(500);
    assertThat(attempt.get("error").asText()).contains("only 200");
    List<String> ids = new ArrayList<>();
    for (Iterator<JsonNode> it = all.elements(); it.hasNext(); ) {
      ids.add(it.next().get("event_id").asText());
    }
    assertThat(ids).doesNotHaveDuplicates();
  }
}
