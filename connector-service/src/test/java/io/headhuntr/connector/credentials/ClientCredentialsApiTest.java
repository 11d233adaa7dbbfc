package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.LogCapture;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import io.headhuntr.connector.TestSandbox;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import io.headhuntr.sandbox.oauth.ClientKind;
import io.headhuntr.sandbox.oauth.Scopes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant saves Harvest v3 client credentials ({@code kind: v3_client_credentials}) through the
 * API, against the in-process sandbox's OAuth server: verified by a token and its introspection,
 * stored with the organization, shown only as the secret's last four, reported as scopes.
 */
class ClientCredentialsApiTest {
  private static GreenhouseSandbox sandbox;
  private static ClientCredentials custom;
  private static TestApp app;

  @BeforeAll
  static void start() {
    sandbox = TestSandbox.shared();
    custom = sandbox.demoCustomClient();
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String credentialPath(String tenant) {
    return "/api/v1/tenants/" + tenant + "/greenhouse/credential";
  }

  private static Map<String, Object> v3Body(String clientId, String secret) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "v3_client_credentials");
    body.put("client_id", clientId);
    body.put("client_secret", secret);
    body.put("base_url", sandbox.baseUrl().toString());
    body.put("auth_url", sandbox.baseUrl().toString());
    return body;
  }

  private static String secret() {
    return custom.secret().value();
  }

  @Test
  void
      saves_client_credentials_greenhouse_accepts_with_their_organization_and_the_secrets_last_four() {
    String secret = secret();
    try (LogCapture logs = new LogCapture()) {
      String tenant = app.createTenant("V3 Client Co");
      String token = app.createToken(tenant);

      Answer saved = app.put(credentialPath(tenant), token, v3Body(custom.clientId(), secret));
      Answer shown = app.get(credentialPath(tenant), token);
      Answer report = app.get("/api/v1/tenants/" + tenant + "/greenhouse/permissions", token);

      assertThat(saved.status()).as(saved.body()).isEqualTo(200);
      JsonNode status = shown.json();
      assertThat(status.get("configured").asBoolean()).isTrue();
      assertThat(status.get("kind").asText()).isEqualTo("v3_client_credentials");
      assertThat(status.get("client_id").asText()).isEqualTo(custom.clientId());
      assertThat(status.get("client_secret_last4").asText())
          .isEqualTo(secret.substring(secret.length() - 4));
      assertThat(status.get("base_url").asText()).isEqualTo(sandbox.baseUrl().toString());
      assertThat(status.get("auth_url").asText()).isEqualTo(sandbox.baseUrl().toString());
      assertThat(status.get("organization_id").asLong()).isEqualTo(3999999999L);
      assertThat(status.get("organization_name").asText()).isEqualTo("Greenhouse Sandbox");
      assertThat(status.hasNonNull("verified_at")).isTrue();
      String answers = saved.body() + shown.body() + report.body();
      assertThat(answers).doesNotContain(secret);
      assertThat(logs.lines()).anyMatch(line -> line.contains("saved a Greenhouse credential"));
      assertThat(String.join("\n", logs.lines())).doesNotContain(secret);
    }
  }

  @Test
  void a_wrong_client_secret_is_refused_naming_it_and_the_earlier_credential_stays() {
    String tenant = app.createTenant("V3 Wrong Secret Co");
    app.put(
        credentialPath(tenant),
        app.admin(),
        Map.of("api_key", TestSandbox.FULL_KEY, "base_url", sandbox.baseUrl().toString()));
    String wrong = "not-the-secret-" + UUID.randomUUID();

    Answer refused = app.put(credentialPath(tenant), app.admin(), v3Body(custom.clientId(), wrong));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("client_secret");
    assertThat(refused.json().get("detail").asText()).contains("invalid_client");
    assertThat(refused.body()).doesNotContain(wrong);
    JsonNode kept = app.get(credentialPath(tenant), app.admin()).json();
    assertThat(kept.get("kind").asText()).isEqualTo("v1_api_key");
    assertThat(kept.get("last4").asText())
        .isEqualTo(TestSandbox.FULL_KEY.substring(TestSandbox.FULL_KEY.length() - 4));
  }

  @Test
  void a_partner_client_is_refused_naming_client_id_and_nothing_is_saved() {
    String tenant = app.createTenant("V3 Partner Co");
    ClientCredentials partner = sandbox.demoPartnerClient();

    Answer refused =
        app.put(
            credentialPath(tenant),
            app.admin(),
            v3Body(partner.clientId(), partner.secret().value()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("client_id");
    assertThat(refused.json().get("detail").asText()).contains("custom client");
    assertThat(app.get(credentialPath(tenant), app.admin()).json().get("configured").asBoolean())
        .isFalse();
  }

  @Test
  void an_unknown_kind_is_refused_naming_kind_and_nothing_is_saved() {
    String tenant = app.createTenant("V3 Odd Kind Co");
    Map<String, Object> body = v3Body(custom.clientId(), secret());
    body.put("kind", "v2_magic_link");

    Answer refused = app.put(credentialPath(tenant), app.admin(), body);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("kind");
    assertThat(refused.json().get("detail").asText()).contains("v3_client_credentials");
    assertThat(app.get(credentialPath(tenant), app.admin()).json().get("configured").asBoolean())
        .isFalse();
  }

  @Test
  void a_missing_client_secret_is_refused_naming_it() {
    String tenant = app.createTenant("V3 No Secret Co");
    Map<String, Object> body = v3Body(custom.clientId(), secret());
    body.remove("client_secret");

    Answer refused = app.put(credentialPath(tenant), app.admin(), body);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("client_secret");
    assertThat(app.get(credentialPath(tenant), app.admin()).json().get("configured").asBoolean())
        .isFalse();
  }

  @Test
  void an_explicit_v1_api_key_kind_saves_the_key_as_before() {
    String tenant = app.createTenant("Explicit V1 Co");

    Answer saved =
        app.put(
            credentialPath(tenant),
            app.admin(),
            Map.of(
                "kind",
                "v1_api_key",
                "api_key",
                TestSandbox.FULL_KEY,
                "base_url",
                sandbox.baseUrl().toString()));

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("kind").asText()).isEqualTo("v1_api_key");
    assertThat(saved.json().has("client_secret_last4")).isFalse();
  }

  @Test
  void the_report_of_a_client_lacking_scopes_shows_them_missing_with_what_they_limit() {
    String clientId = "scoped-" + UUID.randomUUID();
    String clientSecret = "scoped-secret-" + UUID.randomUUID();
    Set<String> scopes = new HashSet<>(Scopes.ALL);
    scopes.removeAll(List.of(Scopes.USERS_LIST, "harvest:notes:create"));
    sandbox.addOAuthClient(clientId, clientSecret, ClientKind.CUSTOM, scopes, null);
    String tenant = app.createTenant("V3 Scoped Co");
    assertThat(
            app.put(credentialPath(tenant), app.admin(), v3Body(clientId, clientSecret)).status())
        .isEqualTo(200);

    JsonNode report =
        app.get("/api/v1/tenants/" + tenant + "/greenhouse/permissions", app.admin()).json();

    assertThat(report.get("kind").asText()).isEqualTo("v3_client_credentials");
    assertThat(report.get("all_required_granted").asBoolean()).isFalse();
    assertThat(report.get("missing_required").toString())
        .contains("Users > GET: List Users")
        .contains("Candidates > POST: Add Note");
    JsonNode note = row(report, "Candidates > POST: Add Note");
    assertThat(note.get("status").asText()).isEqualTo("missing");
    assertThat(note.get("scope").asText()).isEqualTo("harvest:notes:create");
    assertThat(note.get("limits").asText()).isEqualTo("pushes cannot carry the recruiter's notes");
    JsonNode prospect = row(report, "Candidates > POST: Add Prospect");
    assertThat(prospect.get("status").asText()).isEqualTo("granted");
    assertThat(prospect.get("scope").asText())
        .isEqualTo("harvest:candidates:create harvest:applications:create");
    JsonNode activation =
        app.post("/api/v1/tenants/" + tenant + "/activate", app.admin(), null).json();
    assertThat(activation.toString())
        .contains("required permission not granted: Users > GET: List Users");
  }

  private static JsonNode row(JsonNode report, String tick) {
    for (String group : List.of("required", "optional")) {
      for (JsonNode check : report.get(group)) {
        if (check.get("tick").asText().equals(tick)) {
          return check;
        }
      }
    }
    throw new AssertionError("no row " + tick + " in " + report);
  }
}
