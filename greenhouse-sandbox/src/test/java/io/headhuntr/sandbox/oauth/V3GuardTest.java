package io.headhuntr.sandbox.oauth;

import static io.headhuntr.sandbox.oauth.AuthCalls.basic;
import static io.headhuntr.sandbox.oauth.AuthCalls.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every v3 route's guard: rate limit, bearer token, scope, partner-only routes, the Site Admin rule
 * on lists, faults, and the acting user it hands to the handler.
 */
class V3GuardTest {
  private GuardedApp app = new GuardedApp(150);
  private AuthCalls calls = new AuthCalls(app.baseUrl());

  @AfterEach
  void stop() {
    app.close();
  }

  private void restartWithLimit(int limit) {
    app.close();
    app = new GuardedApp(limit);
    calls = new AuthCalls(app.baseUrl());
  }

  private String bearer(Long sub) {
    return "Bearer "
        + calls.clientCredentials(
            "ci", GuardedApp.CUSTOM_SECRET, sub == null ? null : sub.toString());
  }

  @Test
  void a_service_user_token_lists_and_the_handler_sees_its_user_and_client() {
    AuthCalls.Answer answer = calls.get("/v3/things", bearer(null));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("acting_user").asLong()).isEqualTo(app.custom.serviceUserId());
    assertThat(answer.json().get("client_id").asText()).isEqualTo("ci");
  }

  @Test
  void no_token_or_a_forged_one_is_401_with_a_bearer_challenge() {
    AuthCalls.Answer none = calls.get("/v3/things", null);
    String token = bearer(null);
    AuthCalls.Answer forged =
        calls.get("/v3/things", token.substring(0, token.length() - 2) + "xx");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(none.json().get("message").asText()).contains("access token");
    assertThat(forged.status()).isEqualTo(401);
  }

  @Test
  void an_expired_token_is_401() {
    String token = bearer(null);
    app.clock.advance(Duration.ofMinutes(59));
    assertThat(calls.get("/v3/things", token).status()).isEqualTo(200);

    app.clock.advance(Duration.ofMinutes(1));
    AuthCalls.Answer answer = calls.get("/v3/things", token);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("message").asText()).contains("expired");
  }

  @Test
  void a_revoked_client_or_a_deactivated_user_can_no_longer_act() {
    String service = bearer(null);
    String person = bearer(app.admin);
    app.account.write(
        () -> {
          app.account.users.get(app.admin).disabled = true;
          return null;
        });
    assertThat(calls.get("/v3/things", person).json().get("message").asText())
        .contains("deactivated");

    calls.send("POST", "/sandbox/oauth/clients/ci/revoke", null, null);

    assertThat(calls.get("/v3/things", service).status()).isEqualTo(401);
  }

  @Test
  void a_missing_scope_is_403_naming_it() {
    AuthCalls.Answer answer = calls.send("POST", "/v3/webhooks", bearer(null), "{}");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("message").asText())
        .isEqualTo("This token lacks the scope harvest:webhooks:create");
  }

  @Test
  void a_scope_removed_from_the_client_bites_a_live_token_at_once() {
    String token = bearer(null);
    assertThat(calls.send("POST", "/v3/things", token, "{}").status()).isEqualTo(200);

    AuthCalls.Answer put =
        calls.send(
            "PUT",
            "/sandbox/oauth/clients/ci/scopes",
            null,
            "{\"scopes\":[\"" + Scopes.CANDIDATES_LIST + "\"]}");
    AuthCalls.Answer answer = calls.send("POST", "/v3/things", token, "{}");

    assertThat(put.status()).isEqualTo(200);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("message").asText()).contains(Scopes.CANDIDATES_CREATE);
    assertThat(calls.get("/v3/things", token).status()).isEqualTo(200);
  }

  @Test
  void a_user_who_is_no_site_admin_may_write_but_not_list() {
    String token = bearer(app.recruiter);

    AuthCalls.Answer list = calls.get("/v3/things", token);
    AuthCalls.Answer write = calls.send("POST", "/v3/things", token, "{}");

    assertThat(list.status()).isEqualTo(403);
    assertThat(list.json().get("message").asText())
        .isEqualTo(
            "List endpoints need a Site Admin or a service user: user "
                + app.recruiter
                + " is neither");
    assertThat(write.status()).isEqualTo(200);
    assertThat(write.json().get("acting_user").asLong()).isEqualTo(app.recruiter);
    assertThat(calls.get("/v3/things", bearer(app.admin)).status()).isEqualTo(200);
  }

  @Test
  void partner_routes_refuse_a_custom_client_even_with_the_scope() {
    app.auth.addClient(
        "cc-hooks",
        "hooks-secret-99",
        ClientKind.CUSTOM,
        Set.of(Scopes.WEBHOOKS_CREATE),
        Optional.empty());
    OAuthClient partner =
        app.auth.addClient(
            "pp",
            "pp-secret-1234",
            ClientKind.PARTNER,
            Set.of(Scopes.WEBHOOKS_CREATE),
            Optional.of("http://127.0.0.1:9/cb"));
    String custom = "Bearer " + calls.clientCredentials("cc-hooks", "hooks-secret-99", null);
    String code =
        calls
            .postForm(
                "/authorize",
                null,
                form(
                    "response_type",
                    "code",
                    "client_id",
                    "pp",
                    "redirect_uri",
                    "http://127.0.0.1:9/cb",
                    "choice",
                    "service_account"))
            .locationParam("code");
    String partnerToken =
        calls
            .postForm(
                "/token",
                basic("pp", "pp-secret-1234"),
                form(
                    "grant_type",
                    "authorization_code",
                    "code",
                    code,
                    "redirect_uri",
                    "http://127.0.0.1:9/cb"))
            .json()
            .get("access_token")
            .asText();

    AuthCalls.Answer refused = calls.send("POST", "/v3/webhooks", custom, "{}");
    AuthCalls.Answer allowed = calls.send("POST", "/v3/webhooks", "Bearer " + partnerToken, "{}");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("partner");
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.json().get("acting_user").asLong()).isEqualTo(partner.serviceUserId());
  }

  @Test
  void every_answer_carries_rate_limit_headers_and_the_limit_is_a_429_with_retry_after() {
    restartWithLimit(3);
    String token = bearer(null);

    AuthCalls.Answer first = calls.get("/v3/things", token);
    app.clock.advance(Duration.ofSeconds(10));
    calls.get("/v3/things", token);
    calls.send("POST", "/v3/things", token, "{}");
    AuthCalls.Answer refused = calls.get("/v3/things", token);

    assertThat(first.header("X-Ratelimit-Limit")).isEqualTo("3");
    assertThat(first.header("X-Ratelimit-Remaining")).isEqualTo("2");
    long now = app.clock.instant().getEpochSecond();
    assertThat(Long.parseLong(first.header("X-Ratelimit-Reset"))).isEqualTo(now - 10 + 30);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("X-Ratelimit-Remaining")).isEqualTo("0");
    assertThat(refused.header("Retry-After")).isEqualTo("20");
    assertThat(app.statistics.requests("ci")).isEqualTo(4);
    assertThat(app.statistics.limited("ci")).isEqualTo(1);

    app.clock.advance(Duration.ofSeconds(20));
    AuthCalls.Answer again = calls.get("/v3/things", token);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("X-Ratelimit-Remaining")).isEqualTo("0");
  }

  @Test
  void injected_faults_apply_to_v3_routes_after_the_guard() {
    calls.send(
        "POST",
        "/sandbox/faults",
        null,
        "{\"rules\":[{\"path\":\"/v3/things\",\"method\":\"GET\",\"error_rate\":1.0}]}");

    assertThat(calls.get("/v3/things", null).status()).isEqualTo(401);
    assertThat(calls.get("/v3/things", bearer(null)).status()).isEqualTo(500);
  }
}
