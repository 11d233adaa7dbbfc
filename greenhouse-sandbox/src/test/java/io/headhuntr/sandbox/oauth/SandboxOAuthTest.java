package io.headhuntr.sandbox.oauth;

import static io.headhuntr.sandbox.oauth.AuthCalls.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The auth server inside a started sandbox: client administration, the demo clients, and real /v3
 * routes behind the guard.
 */
class SandboxOAuthTest {
  private static GreenhouseSandbox sandbox;
  private static AuthCalls calls;

  @BeforeAll
  static void start() {
    sandbox =
        GreenhouseSandbox.builder().seed(SandboxSeed.DEMO).candidates(5).apiKey("KEY").start();
    calls = new AuthCalls(sandbox.baseUrl());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void registers_lists_and_deletes_a_client_without_ever_showing_its_secret() {
    AuthCalls.Answer created =
        calls.send(
            "POST",
            "/sandbox/oauth/clients",
            null,
            "{\"client_id\":\"admin-made\",\"client_secret\":\"s3cr3t-value-9876\","
                + "\"kind\":\"custom\",\"scopes\":[\"harvest:jobs:list\"]}");
    JsonNode listed = calls.get("/sandbox/oauth/clients", null).json();

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("kind").asText()).isEqualTo("custom");
    assertThat(created.json().get("service_user_id").asLong()).isPositive();
    assertThat(created.text()).doesNotContain("s3cr3t");
    assertThat(listed.toString()).contains("admin-made").contains("****9876");
    assertThat(listed.toString()).doesNotContain("s3cr3t-value");
    assertThat(calls.send("DELETE", "/sandbox/oauth/clients/admin-made", null, null).status())
        .isEqualTo(204);
    assertThat(
            calls
                .postForm(
                    "/token",
                    basic("admin-made", "s3cr3t-value-9876"),
                    AuthCalls.form("grant_type", "client_credentials"))
                .status())
        .isEqualTo(401);
  }

  @Test
  void refuses_unknown_scopes_and_a_partner_without_redirect_uri() {
    AuthCalls.Answer unknown =
        calls.send(
            "POST",
            "/sandbox/oauth/clients",
            null,
            "{\"client_id\":\"x\",\"client_secret\":\"y\",\"kind\":\"custom\","
                + "\"scopes\":[\"harvest:everything:list\"]}");
    AuthCalls.Answer partner =
        calls.send(
            "POST",
            "/sandbox/oauth/clients",
            null,
            "{\"client_id\":\"p\",\"client_secret\":\"y\",\"kind\":\"partner\",\"scopes\":[]}");

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("scopes");
    assertThat(unknown.text()).contains("harvest:everything:list");
    assertThat(partner.status()).isEqualTo(422);
    assertThat(partner.json().get("errors").get(0).get("field").asText()).isEqualTo("redirect_uri");
  }

  @Test
  void the_demo_seed_registers_a_custom_and_a_partner_client_with_every_scope() {
    assertThat(sandbox.oauthClients())
        .extracting(OAuthClient::id, OAuthClient::kind)
        .contains(
            org.assertj.core.groups.Tuple.tuple("sandbox-custom", ClientKind.CUSTOM),
            org.assertj.core.groups.Tuple.tuple("sandbox-partner", ClientKind.PARTNER));
    assertThat(sandbox.oauthClients())
        .allSatisfy(c -> assertThat(c.scopes()).containsExactlyInAnyOrderElementsOf(Scopes.ALL));
    OAuthClient partner =
        sandbox.oauthClients().stream()
            .filter(c -> c.kind() == ClientKind.PARTNER)
            .findFirst()
            .orElseThrow();
    assertThat(partner.redirectUri()).hasValue("http://127.0.0.1:8080/oauth/greenhouse/callback");
  }

  @Test
  void v3_routes_answer_a_demo_token_with_rate_limit_headers_and_count_per_client() {
    var custom = sandbox.demoCustomClient();
    String token = calls.clientCredentials(custom.clientId(), custom.secret().value(), null);
    long before = sandbox.requestCount(custom.clientId());

    AuthCalls.Answer answer = calls.get("/v3/candidates?per_page=2", "Bearer " + token);
    AuthCalls.Answer anonymous = calls.get("/v3/candidates", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("X-Ratelimit-Limit")).isEqualTo("150");
    assertThat(sandbox.requestCount(custom.clientId())).isEqualTo(before + 1);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void service_users_appear_in_v3_on_request_but_never_in_v1() {
    var custom = sandbox.demoCustomClient();
    String token = calls.clientCredentials(custom.clientId(), custom.secret().value(), null);
    long serviceUser =
        sandbox.oauthClients().stream()
            .filter(c -> c.id().equals(custom.clientId()))
            .findFirst()
            .orElseThrow()
            .serviceUserId();

    String v3 =
        calls.get("/v3/users?show_service_accounts=true&per_page=500", "Bearer " + token).text();
    String v1 = calls.get("/v1/users?per_page=500", basic("KEY", "")).text();

    assertThat(v3).contains("\"id\":" + serviceUser);
    assertThat(v1).doesNotContain(Long.toString(serviceUser));
    assertThat(calls.get("/v1/users/" + serviceUser, basic("KEY", "")).status()).isEqualTo(404);
  }
}
