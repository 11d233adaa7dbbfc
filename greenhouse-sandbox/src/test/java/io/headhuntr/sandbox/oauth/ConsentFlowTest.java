package io.headhuntr.sandbox.oauth;

import static io.headhuntr.sandbox.oauth.AuthCalls.basic;
import static io.headhuntr.sandbox.oauth.AuthCalls.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner flow: consent page, codes, refresh rotation, revocation and introspection, against a
 * started sandbox whose partner client holds only two scopes.
 */
class ConsentFlowTest {
  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final String SECRET = "partner-secret-0042";

  private final MovableClock clock = new MovableClock(Instant.parse("2026-05-11T13:54:09Z"));
  private GreenhouseSandbox sandbox;
  private AuthCalls calls;
  private OAuthClient partner;

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
    partner =
        sandbox.addOAuthClient(
            "acme-partner",
            SECRET,
            ClientKind.PARTNER,
            java.util.Set.of(Scopes.CANDIDATES_LIST, Scopes.NOTES_CREATE),
            REDIRECT);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String authorizeQuery(String scope) {
    return "/authorize?response_type=code&client_id=acme-partner&redirect_uri="
        + enc(REDIRECT)
        + "&state=xyz"
        + (scope == null ? "" : "&scope=" + enc(scope));
  }

  private AuthCalls.Answer consent(String choice, String userId) {
    Map<String, String> fields =
        form(
            "response_type",
            "code",
            "client_id",
            "acme-partner",
            "redirect_uri",
            REDIRECT,
            "scope",
            Scopes.CANDIDATES_LIST,
            "state",
            "xyz",
            "choice",
            choice);
    if (userId != null) {
      fields.put("user_id", userId);
    }
    return calls.postForm("/authorize", null, fields);
  }

  private AuthCalls.Answer exchange(String code) {
    return calls.postForm(
        "/token",
        basic("acme-partner", SECRET),
        form("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
  }

  private AuthCalls.Answer refresh(String refreshToken) {
    return calls.postForm(
        "/token",
        basic("acme-partner", SECRET),
        form("grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  private AuthCalls.Answer introspect(String token) {
    return calls.postForm("/introspect", basic("acme-partner", SECRET), form("token", token));
  }

  private long basicUser() {
    for (JsonNode u : calls.get("/v1/users?per_page=500", basic("KEY", "")).json()) {
      if (!u.get("site_admin").asBoolean() && !u.get("disabled").asBoolean()) {
        return u.get("id").asLong();
      }
    }
    throw new AssertionError("the demo seed has no basic user");
  }

  @Test
  void the_consent_page_shows_the_scopes_and_two_labelled_choices() {
    AuthCalls.Answer page = calls.get(authorizeQuery(Scopes.CANDIDATES_LIST), null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text())
        .contains(Scopes.CANDIDATES_LIST)
        .doesNotContain(Scopes.NOTES_CREATE)
        .contains("<label for=\"choice-service\">Authorize using a service account</label>")
        .contains("<label for=\"choice-user\">Authorize as myself</label>")
        .contains("<select id=\"user_id\" name=\"user_id\">")
        .contains("name=\"state\" value=\"xyz\"");
  }

  @Test
  void service_account_and_as_myself_consents_give_different_subjects() {
    long person = basicUser();
    AuthCalls.Answer service = consent("service_account", null);
    AuthCalls.Answer myself = consent("user", Long.toString(person));

    assertThat(service.status()).isEqualTo(302);
    assertThat(service.header("Location")).startsWith(REDIRECT + "?code=");
    assertThat(service.locationParam("state")).isEqualTo("xyz");
    JsonNode serviceToken = exchange(service.locationParam("code")).json();
    JsonNode myToken = exchange(myself.locationParam("code")).json();
    assertThat(serviceToken.has("refresh_token")).isTrue();
    assertThat(AuthCalls.payload(serviceToken.get("access_token").asText()).get("sub").asText())
        .isEqualTo(Long.toString(partner.serviceUserId()));
    assertThat(AuthCalls.payload(myToken.get("access_token").asText()).get("sub").asText())
        .isEqualTo(Long.toString(person));
    assertThat(AuthCalls.payload(myToken.get("access_token").asText()).get("scope").asText())
        .isEqualTo(Scopes.CANDIDATES_LIST);
  }

  @Test
  void an_unregistered_scope_refuses_the_whole_request_by_redirect() {
    AuthCalls.Answer answer =
        calls.get(authorizeQuery(Scopes.CANDIDATES_LIST + " " + Scopes.JOBS_LIST), null);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.locationParam("error")).isEqualTo("invalid_scope");
    assertThat(answer.locationParam("state")).isEqualTo("xyz");
    assertThat(answer.locationParam("code")).isNull();
  }

  @Test
  void a_foreign_redirect_uri_or_unknown_client_gets_a_page_not_a_redirect() {
    AuthCalls.Answer foreign =
        calls.get(
            "/authorize?response_type=code&client_id=acme-partner&redirect_uri="
                + enc("https://evil.example/cb"),
            null);
    AuthCalls.Answer custom =
        calls.get(
            "/authorize?response_type=code&client_id="
                + sandbox.demoCustomClient().clientId()
                + "&redirect_uri="
                + enc(REDIRECT),
            null);

    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.header("Location")).isNull();
    assertThat(foreign.text()).contains("redirect_uri");
    assertThat(custom.status()).isEqualTo(400);
    assertThat(custom.text()).contains("not a partner client");
  }

  @Test
  void deny_redirects_with_access_denied() {
    assertThat(consent("deny", null).locationParam("error")).isEqualTo("access_denied");
  }

  @Test
  void a_code_works_once_and_not_after_sixty_seconds() {
    String code = consent("service_account", null).locationParam("code");
    assertThat(exchange(code).status()).isEqualTo(200);
    AuthCalls.Answer reused = exchange(code);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(reused.json().get("error_description").asText()).contains("already used");

    String late = consent("service_account", null).locationParam("code");
    clock.advance(Duration.ofSeconds(61));
    AuthCalls.Answer expired = exchange(late);
    assertThat(expired.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(expired.json().get("error_description").asText()).contains("expired");
  }

  @Test
  void a_code_needs_the_registered_redirect_uri() {
    String code = consent("service_account", null).locationParam("code");
    AuthCalls.Answer answer =
        calls.postForm(
            "/token",
            basic("acme-partner", SECRET),
            form(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                "http://127.0.0.1:9/other"));

    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(answer.json().get("error_description").asText()).contains("redirect_uri");
  }

  @Test
  void refresh_tokens_rotate_and_a_used_one_is_invalid_grant() {
    JsonNode first = exchange(consent("service_account", null).locationParam("code")).json();
    String oldRefresh = first.get("refresh_token").asText();

    AuthCalls.Answer rotated = refresh(oldRefresh);
    AuthCalls.Answer reused = refresh(oldRefresh);
    AuthCalls.Answer next = refresh(rotated.json().get("refresh_token").asText());

    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.json().get("refresh_token").asText()).isNotEqualTo(oldRefresh);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(next.status()).isEqualTo(200);
  }

  @Test
  void refresh_tokens_expire_after_a_day_and_die_on_revocation() {
    String stale =
        exchange(consent("service_account", null).locationParam("code"))
            .json()
            .get("refresh_token")
            .asText();
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    assertThat(refresh(stale).json().get("error_description").asText()).contains("expired");

    JsonNode fresh = exchange(consent("service_account", null).locationParam("code")).json();
    assertThat(
            calls.send("POST", "/sandbox/oauth/clients/acme-partner/revoke", null, null).status())
        .isEqualTo(204);
    assertThat(refresh(fresh.get("refresh_token").asText()).json().get("error").asText())
        .isEqualTo("invalid_grant");
    assertThat(introspect(fresh.get("access_token").asText()).json().get("active").asBoolean())
        .isFalse();
  }

  @Test
  void introspection_names_the_role_and_goes_inactive_after_expiry() {
    long person = basicUser();
    String service =
        exchange(consent("service_account", null).locationParam("code"))
            .json()
            .get("access_token")
            .asText();
    String basicToken =
        exchange(consent("user", Long.toString(person)).locationParam("code"))
            .json()
            .get("access_token")
            .asText();
    var custom = sandbox.demoCustomClient();
    long admin = siteAdmin();
    String adminToken =
        calls.clientCredentials(custom.clientId(), custom.secret().value(), Long.toString(admin));

    JsonNode serviceView = introspect(service).json();
    assertThat(serviceView.get("active").asBoolean()).isTrue();
    assertThat(serviceView.get("client_id").asText()).isEqualTo("acme-partner");
    assertThat(serviceView.get("scope").asText()).isEqualTo(Scopes.CANDIDATES_LIST);
    JsonNode claims = serviceView.get("https://auth.greenhouse.io/claims");
    assertThat(claims.get("user_role").asText()).isEqualTo("service_user");
    assertThat(claims.get("organization").get("name").asText()).isNotBlank();
    assertThat(
            introspect(basicToken)
                .json()
                .get("https://auth.greenhouse.io/claims")
                .get("user_role")
                .asText())
        .isEqualTo("basic");
    JsonNode adminView =
        calls
            .postForm(
                "/introspect",
                basic(custom.clientId(), custom.secret().value()),
                form("token", adminToken, "token_type_hint", "access_token"))
            .json();
    assertThat(adminView.get("https://auth.greenhouse.io/claims").get("user_role").asText())
        .isEqualTo("site_admin");
    assertThat(introspect(adminToken).json().get("active").asBoolean())
        .as("another client's token")
        .isFalse();
    assertThat(introspect("not.a.token").json().get("active").asBoolean()).isFalse();

    clock.advance(Duration.ofHours(1));
    assertThat(introspect(service).json().toString()).isEqualTo("{\"active\":false}");
  }

  private long siteAdmin() {
    for (JsonNode u : calls.get("/v1/users?per_page=500", basic("KEY", "")).json()) {
      if (u.get("site_admin").asBoolean() && !u.get("disabled").asBoolean()) {
        return u.get("id").asLong();
      }
    }
    throw new AssertionError("the demo seed has no site admin");
  }
}
