package io.headhuntr.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenAuthTest {
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
  void a_request_without_a_token_is_unauthorized() {
    Answer answer = app.get("/api/v1/tenants", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void a_bad_token_is_unauthorized_whatever_the_tenant_id() {
    Answer answer = app.get("/api/v1/tenants/not-a-uuid", "ghc_nonsense");

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void a_wrong_admin_token_is_unauthorized() {
    assertThat(app.get("/api/v1/tenants", "ghc_admin_wrong").status()).isEqualTo(401);
  }

  @Test
  void a_tenant_token_reaches_its_own_tenant() {
    String tenant = app.createTenant("Own Co");
    String token = app.createToken(tenant);

    Answer answer = app.get("/api/v1/tenants/" + tenant, token);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("tenant_id").asText()).isEqualTo(tenant);
  }

  @Test
  void a_tenant_token_gets_404_for_another_tenant() {
    String mine = app.createTenant("Mine Co");
    String theirs = app.createTenant("Theirs Co");
    String token = app.createToken(mine);

    assertThat(app.get("/api/v1/tenants/" + theirs, token).status()).isEqualTo(404);
    assertThat(app.get("/api/v1/tenants/" + theirs + "/greenhouse/credential", token).status())
        .isEqualTo(404);
    assertThat(app.get("/api/v1/tenants/" + theirs + "/tokens", token).status()).isEqualTo(404);
  }

  @Test
  void a_tenant_token_cannot_manage_tenants() {
    String tenant = app.createTenant("Limited Co");
    String token = app.createToken(tenant);

    assertThat(app.get("/api/v1/tenants", token).status()).isEqualTo(403);
    assertThat(
            app.post(
                    "/api/v1/tenants",
                    token,
                    Map.of("name", "x", "error_recipient_email", "a@b.example"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void the_admin_gets_404_for_a_tenant_that_does_not_exist() {
    assertThat(app.get("/api/v1/tenants/" + UUID.randomUUID(), app.admin()).status())
        .isEqualTo(404);
    assertThat(app.get("/api/v1/tenants/not-a-uuid", app.admin()).status()).isEqualTo(404);
  }

  @Test
  void a_revoked_token_is_unauthorized_and_the_list_never_shows_secrets() {
    String tenant = app.createTenant("Revoke Co");
    Answer created =
        app.post("/api/v1/tenants/" + tenant + "/tokens", app.admin(), Map.of("name", "ci"));
    String token = created.json().get("token").asText();
    String tokenId = created.json().get("token_id").asText();
    assertThat(app.get("/api/v1/tenants/" + tenant, token).status()).isEqualTo(200);

    Answer list = app.get("/api/v1/tenants/" + tenant + "/tokens", app.admin());
    assertThat(list.body()).doesNotContain(token);
    assertThat(list.body()).doesNotContain(token.substring(token.length() - 20));
    assertThat(list.json().get(0).get("last4").asText())
        .isEqualTo(token.substring(token.length() - 4));

    assertThat(app.delete("/api/v1/tenants/" + tenant + "/tokens/" + tokenId, app.admin()).status())
        .isEqualTo(204);
    assertThat(app.get("/api/v1/tenants/" + tenant, token).status()).isEqualTo(401);
    assertThat(
            app.get("/api/v1/tenants/" + tenant + "/tokens", app.admin())
                .json()
                .get(0)
                .get("revoked_at")
                .isNull())
        .isFalse();
  }

  @Test
  void a_tenant_token_creates_tokens_only_when_it_was_created_with_that_right() {
    String tenant = app.createTenant("Mint Co");
    String plain = app.createToken(tenant);
    String tokens = "/api/v1/tenants/" + tenant + "/tokens";

    Answer refused = app.post(tokens, plain, Map.of("name", "more"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("can_create_tokens");
    assertThat(app.post(tokens, plain, Map.of("name", "more", "can_create_tokens", true)).status())
        .as("nor can it grant the right to itself through a new token")
        .isEqualTo(403);

    Answer minter =
        app.post(tokens, app.admin(), Map.of("name", "minter", "can_create_tokens", true));
    assertThat(minter.status()).isEqualTo(201);
    assertThat(minter.json().get("can_create_tokens").asBoolean()).isTrue();
    Answer made =
        app.post(tokens, minter.json().get("token").asText(), Map.of("name", "made by minter"));
    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("can_create_tokens").asBoolean())
        .as("a new token has no right to create tokens unless asked")
        .isFalse();
    assertThat(app.get("/api/v1/tenants/" + tenant, made.json().get("token").asText()).status())
        .isEqualTo(200);
    assertThat(app.post(tokens, app.admin(), Map.of("can_create_tokens", "yes")).status())
        .isEqualTo(422);
  }

  @Test
  void a_token_with_a_forged_secret_is_unauthorized() {
    String tenant = app.createTenant("Forge Co");
    String token = app.createToken(tenant);
    String forged = token.substring(0, token.length() - 4) + "AAAA";

    assertThat(app.get("/api/v1/tenants/" + tenant, forged).status()).isEqualTo(401);
  }
}
