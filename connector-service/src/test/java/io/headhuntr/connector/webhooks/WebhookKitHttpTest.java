package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookKitHttpTest {

  private static TestApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void the_setup_kit_answers_snake_case_json_with_the_14_webhooks() {
    String tenant = app.createTenant("Kit Co");

    TestApp.Answer answer = app.get("/api/v1/tenants/" + tenant + "/webhooks/setup", app.admin());

    assertThat(answer.status()).isEqualTo(200);
    JsonNode setup = answer.json();
    assertThat(setup.get("endpoint_url").asText())
        .startsWith("http://connector.test/webhooks/greenhouse/");
    assertThat(setup.get("secret_key").asText()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(setup.get("webhooks")).hasSize(14);
    JsonNode first = setup.get("webhooks").get(0);
    assertThat(first.get("name").asText()).isEqualTo("Headhuntr.io-Candidate Hired");
    assertThat(first.get("when").asText()).isEqualTo("Candidate has been hired");
    assertThat(first.get("action").asText()).isEqualTo("hire_candidate");
    assertThat(first.get("error_recipient_email").asText()).isEqualTo("ats@example.com");
    assertThat(first.get("status").asText()).isEqualTo("waiting_for_ping");
  }

  @Test
  void a_signed_ping_is_answered_200_and_shows_as_pinged_while_bad_ones_are_refused()
      throws Exception {
    String tenant = app.createTenant("Ping Co");
    JsonNode setup = app.get("/api/v1/tenants/" + tenant + "/webhooks/setup", app.admin()).json();
    URI endpoint =
        URI.create(
            setup
                .get("endpoint_url")
                .asText()
                .replace("http://connector.test", app.baseUrl().toString()));
    byte[] ping =
        "{\"payload\":{\"name\":\"Headhuntr.io-Candidate Merged\",\"event\":\"Merged Candidate\"},\"action\":\"ping\"}"
            .getBytes(StandardCharsets.UTF_8);
    String good =
        GreenhouseSignature.header(new WebhookSecret(setup.get("secret_key").asText()), ping);

    assertThat(post(endpoint, ping, null).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = post(endpoint, ping, "sha256 " + "0".repeat(64));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(
            post(app.baseUrl().resolve("/webhooks/greenhouse/unknown-key"), ping, good)
                .statusCode())
        .isEqualTo(404);
    assertThat(post(endpoint, ping, good).statusCode()).isEqualTo(200);

    JsonNode after = app.get("/api/v1/tenants/" + tenant + "/webhooks/setup", app.admin()).json();
    JsonNode merged = after.get("webhooks").get(7);
    assertThat(merged.get("action").asText()).isEqualTo("merge_candidate");
    assertThat(merged.get("status").asText()).isEqualTo("pinged");
    assertThat(merged.get("pinged_at").asText()).isNotBlank();
  }

  @Test
  void rotating_the_secret_gives_a_new_one_and_says_until_when_the_old_one_works() {
    String tenant = app.createTenant("Rotate Co");
    String before =
        app.get("/api/v1/tenants/" + tenant + "/webhooks/setup", app.admin())
            .json()
            .get("secret_key")
            .asText();

    TestApp.Answer rotated =
        app.post("/api/v1/tenants/" + tenant + "/webhooks/secret/rotate", app.admin(), null);

    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.json().get("secret_key").asText()).isNotEqualTo(before);
    assertThat(rotated.json().get("previous_secret_valid_until").asText()).isNotBlank();
  }

  private HttpResponse<String> post(URI uri, byte[] body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json");
    if (signature != null) {
      request.header("Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
