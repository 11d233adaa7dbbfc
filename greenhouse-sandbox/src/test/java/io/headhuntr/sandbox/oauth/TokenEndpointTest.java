package io.headhuntr.sandbox.oauth;

import static io.headhuntr.sandbox.oauth.AuthCalls.basic;
import static io.headhuntr.sandbox.oauth.AuthCalls.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /token} with the client credentials grant, its errors, bucket and faults. */
class TokenEndpointTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-05-11T13:54:09Z"));
  private GreenhouseSandbox sandbox;
  private AuthCalls calls;
  private String customId;
  private String customSecret;

  @BeforeEach
  void start() {
    sandbox =
        GreenhouseSandbox.builder()
            .seed(SandboxSeed.DEMO)
            .candidates(0)
            .apiKey("KEY")
            .clock(clock)
            .start();
    calls = new AuthCalls(sandbox.baseUrl());
    customId = sandbox.demoCustomClient().clientId();
    customSecret = sandbox.demoCustomClient().secret().value();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private AuthCalls.Answer token(String id, String secret, String... form) {
    return calls.postForm("/token", basic(id, secret), form(form));
  }

  private long userWhere(String field, boolean value) {
    for (JsonNode u : calls.get("/v1/users?per_page=500", basic("KEY", "")).json()) {
      if (u.get(field).asBoolean() == value && !u.get("disabled").asBoolean()) {
        return u.get("id").asLong();
      }
    }
    throw new AssertionError("no user with " + field + "=" + value);
  }

  @Test
  void client_credentials_answers_a_bearer_jwt_expiring_in_one_hour_without_expires_in() {
    AuthCalls.Answer answer = token(customId, customSecret, "grant_type", "client_credentials");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.has("expires_in")).isFalse();
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.get("expires_at").asText()).isEqualTo("2026-05-11T14:54:09Z");
    JsonNode claims = AuthCalls.payload(body.get("access_token").asText());
    long serviceUser =
        sandbox.oauthClients().stream()
            .filter(c -> c.id().equals(customId))
            .findFirst()
            .orElseThrow()
            .serviceUserId();
    assertThat(claims.get("sub").asText()).isEqualTo(Long.toString(serviceUser));
    assertThat(claims.get("client_id").asText()).isEqualTo(customId);
    assertThat(claims.get("scope").asText()).contains(Scopes.CANDIDATES_CREATE);
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    assertThat(answer.header("X-Ratelimit-Limit")).isEqualTo("60");
    assertThat(answer.header("X-Ratelimit-Remaining")).isEqualTo("59");
  }

  @Test
  void client_credentials_with_sub_acts_as_that_user_and_accepts_query_parameters() {
    long recruiter = userWhere("site_admin", false);
    AuthCalls.Answer answer =
        calls.send(
            "POST",
            "/token?grant_type=client_credentials&sub=" + recruiter,
            basic(customId, customSecret),
            null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(AuthCalls.payload(answer.json().get("access_token").asText()).get("sub").asText())
        .isEqualTo(Long.toString(recruiter));
  }

  @Test
  void refuses_a_sub_that_is_not_numeric_or_not_a_user() {
    AuthCalls.Answer letters =
        token(customId, customSecret, "grant_type", "client_credentials", "sub", "abc");
    AuthCalls.Answer stranger =
        token(customId, customSecret, "grant_type", "client_credentials", "sub", "17");

    assertThat(letters.status()).isEqualTo(400);
    assertThat(letters.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(letters.json().get("error_description").asText()).contains("sub");
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void a_wrong_secret_or_no_basic_header_is_invalid_client() {
    AuthCalls.Answer wrong = token(customId, "not-the-secret", "grant_type", "client_credentials");
    AuthCalls.Answer none =
        calls.postForm("/token", null, form("grant_type", "client_credentials"));

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(wrong.text()).doesNotContain(customSecret);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("error_description").asText()).contains("Basic");
  }

  @Test
  void a_partner_client_cannot_use_client_credentials() {
    var partner = sandbox.demoPartnerClient();
    AuthCalls.Answer answer =
        token(partner.clientId(), partner.secret().value(), "grant_type", "client_credentials");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("unauthorized_client");
  }

  @Test
  void a_custom_client_cannot_use_partner_grants_and_unknown_grants_are_unsupported() {
    AuthCalls.Answer refresh =
        token(customId, customSecret, "grant_type", "refresh_token", "refresh_token", "x");
    AuthCalls.Answer password = token(customId, customSecret, "grant_type", "password");
    AuthCalls.Answer missing = token(customId, customSecret);

    assertThat(refresh.json().get("error").asText()).isEqualTo("unauthorized_client");
    assertThat(password.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void the_sixty_first_token_request_within_sixty_seconds_is_refused_with_retry_after() {
    for (int i = 0; i < 60; i++) {
      assertThat(token(customId, customSecret, "grant_type", "client_credentials").status())
          .isEqualTo(200);
      clock.advance(Duration.ofMillis(500));
    }
    AuthCalls.Answer refused = token(customId, customSecret, "grant_type", "client_credentials");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("X-Ratelimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 31L);
    assertThat(sandbox.tokenRequestCount(customId)).isEqualTo(61);

    clock.advance(Duration.ofSeconds(31));
    assertThat(token(customId, customSecret, "grant_type", "client_credentials").status())
        .isEqualTo(200);
  }

  @Test
  void injected_faults_apply_to_the_token_endpoint() {
    AuthCalls.Answer configured =
        calls.send(
            "POST",
            "/sandbox/faults",
            null,
            "{\"rules\":[{\"path\":\"/token\",\"error_rate\":1.0}]}");
    assertThat(configured.status()).isEqualTo(200);

    AuthCalls.Answer answer = token(customId, customSecret, "grant_type", "client_credentials");

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.header("X-Ratelimit-Limit")).isEqualTo("60");
  }

  @Test
  void secrets_never_show_whole_in_to_string() {
    var custom = sandbox.demoCustomClient();
    String shown = custom.toString() + sandbox.oauthClients();

    assertThat(shown).doesNotContain(customSecret);
    assertThat(shown).contains("****" + customSecret.substring(customSecret.length() - 4));
  }
}
