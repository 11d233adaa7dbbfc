package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.LogCapture;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import io.headhuntr.connector.TestSandbox;
import io.headhuntr.sandbox.GreenhouseSandbox;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredentialApiTest {
  private static final String KEY = TestSandbox.FULL_KEY;
  private static GreenhouseSandbox sandbox;
  private static TestApp app;

  @BeforeAll
  static void start() {
    sandbox = TestSandbox.shared();
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String credentialPath(String tenant) {
    return "/api/v1/tenants/" + tenant + "/greenhouse/credential";
  }

  @Test
  void saves_a_key_greenhouse_accepts_and_shows_only_its_last_four() {
    String tenant = app.createTenant("Good Key Co");

    Answer saved =
        app.put(
            credentialPath(tenant),
            app.admin(),
            Map.of("api_key", KEY, "base_url", sandbox.baseUrl().toString()));

    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().get("configured").asBoolean()).isTrue();
    assertThat(saved.json().get("last4").asText()).isEqualTo(KEY.substring(KEY.length() - 4));
    assertThat(saved.json().get("base_url").asText()).isEqualTo(sandbox.baseUrl().toString());
    assertThat(saved.json().get("verified_at").isNull()).isFalse();
    assertThat(saved.body()).doesNotContain(KEY);

    Answer shown = app.get(credentialPath(tenant), app.admin());
    assertThat(shown.json().get("configured").asBoolean()).isTrue();
    assertThat(shown.json().get("last4").asText()).isEqualTo(KEY.substring(KEY.length() - 4));
    assertThat(shown.body()).doesNotContain(KEY);
  }

  @Test
  void refuses_a_key_greenhouse_rejects_naming_api_key_and_saves_nothing() {
    String tenant = app.createTenant("Wrong Key Co");

    Answer refused =
        app.put(
            credentialPath(tenant),
            app.admin(),
            Map.of("api_key", "definitely-not-a-key", "base_url", sandbox.baseUrl().toString()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("api_key");
    assertThat(refused.json().get("detail").asText()).contains("401");
    assertThat(refused.body()).doesNotContain("definitely-not-a-key");
    assertThat(app.get(credentialPath(tenant), app.admin()).json().get("configured").asBoolean())
        .isFalse();
  }

  @Test
  void a_wrong_key_does_not_replace_a_good_one() {
    String tenant = app.createTenant("Keep Key Co");
    app.put(
        credentialPath(tenant),
        app.admin(),
        Map.of("api_key", KEY, "base_url", sandbox.baseUrl().toString()));

    app.put(
        credentialPath(tenant),
        app.admin(),
        Map.of("api_key", "another-wrong-key", "base_url", sandbox.baseUrl().toString()));

    assertThat(app.get(credentialPath(tenant), app.admin()).json().get("last4").asText())
        .isEqualTo(KEY.substring(KEY.length() - 4));
  }

  @Test
  void refuses_an_unreachable_base_url_naming_it() throws Exception {
    String tenant = app.createTenant("Unreachable Co");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Answer refused =
        app.put(
            credentialPath(tenant),
            app.admin(),
            Map.of("api_key", KEY, "base_url", "http://127.0.0.1:" + closedPort));

    assertThat(refused.status()).isIn(422, 502);
    assertThat(refused.json().get("field").asText()).isEqualTo("base_url");
    assertThat(app.get(credentialPath(tenant), app.admin()).json().get("configured").asBoolean())
        .isFalse();
  }

  @Test
  void forgives_a_base_url_pasted_with_the_version_path() {
    String tenant = app.createTenant("Pasted Url Co");

    Answer saved =
        app.put(
            credentialPath(tenant),
            app.admin(),
            Map.of("api_key", KEY, "base_url", sandbox.baseUrl() + "/v1/"));

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("base_url").asText()).isEqualTo(sandbox.baseUrl().toString());
  }

  @Test
  void refuses_a_base_url_that_is_not_a_url() {
    String tenant = app.createTenant("Bad Url Co");

    Answer refused =
        app.put(credentialPath(tenant), app.admin(), Map.of("api_key", KEY, "base_url", "harvest"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("base_url");
  }

  @Test
  void refuses_a_missing_key_naming_it() {
    String tenant = app.createTenant("No Key Co");

    Answer refused =
        app.put(credentialPath(tenant), app.admin(), Map.of("base_url", "https://x.example"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("api_key");
  }

  @Test
  void the_key_never_appears_in_any_answer_or_log() {
    try (LogCapture logs = new LogCapture()) {
      String tenant = app.createTenant("Secret Co");
      String token = app.createToken(tenant);
      StringBuilder answers = new StringBuilder();
      answers.append(
          app.put(
                  credentialPath(tenant),
                  token,
                  Map.of("api_key", KEY, "base_url", sandbox.baseUrl().toString()))
              .body());
      answers.append(app.get(credentialPath(tenant), token).body());
      answers.append(
          app.get("/api/v1/tenants/" + tenant + "/greenhouse/permissions", token).body());
      answers.append(app.get("/api/v1/tenants/" + tenant, token).body());
      answers.append(app.post("/api/v1/tenants/" + tenant + "/activate", token, null).body());
      answers.append(
          app.put(
                  credentialPath(tenant),
                  token,
                  Map.of("api_key", KEY + "x", "base_url", sandbox.baseUrl().toString()))
              .body());

      assertThat(answers.toString()).doesNotContain(KEY);
      assertThat(answers.toString()).contains(KEY.substring(KEY.length() - 4));
      assertThat(logs.lines()).anyMatch(line -> line.contains("saved a Greenhouse credential"));
      assertThat(String.join("\n", logs.lines())).doesNotContain(KEY);
    }
  }
}
