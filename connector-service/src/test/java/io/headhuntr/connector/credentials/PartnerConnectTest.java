package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.headhuntr.connector.App;
import io.headhuntr.connector.ConnectorConfig;
import io.headhuntr.connector.LogCapture;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.HarvestConnections;
import io.headhuntr.connector.greenhouse.PartnerConsent;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.tenant.AdminToken;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * "Connect Greenhouse" against the sandbox's partner client: the real {@link App} with the partner
 * client configured, the browser's round trip (start, the consent form, the callback) done by hand,
 * two connector instances sharing one tenant's tokens, and a revoked authorization. The revocation
 * runs last: it revokes every grant of the sandbox's partner client.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerConnectTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN = "ghc_admin_partner_" + UUID.randomUUID();
  private static final MovableClock SANDBOX_CLOCK = new MovableClock(Instant.now());

  private static GreenhouseSandbox sandbox;
  private static ClientCredentials partnerClient;
  private static PartnerClient partner;
  private static Database database;
  private static Aead key;
  private static App app;

  @BeforeAll
  static void setUp() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI callback = URI.create("http://localhost:" + port + "/oauth/greenhouse/callback");
    sandbox =
        GreenhouseSandbox.builder()
            .seed(SandboxSeed.DEMO)
            .candidates(5)
            .rateLimit(0)
            .v3RateLimit(0)
            .clock(SANDBOX_CLOCK)
            .partnerRedirectUri(callback.toString())
            .start();
    partnerClient = sandbox.demoPartnerClient();
    partner =
        new PartnerClient(
            partnerClient.clientId(),
            new ClientSecret(partnerClient.secret().value()),
            callback,
            sandbox.baseUrl(),
            sandbox.baseUrl(),
            List.of());
    database = TestDatabase.shared();
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    key = new AesGcmJce(raw);
    ConnectorConfig config =
        new ConnectorConfig(
            new ConnectorConfig.HttpConfig(
                port, ConnectorConfig.HttpConfig.DEFAULT_MAX_REQUEST_BYTES),
            new ConnectorConfig.DbConfig(Optional.of("shared"), "", "", Path.of("unused")),
            new ConnectorConfig.SecurityConfig(
                Optional.of(ADMIN), Optional.empty(), Duration.ofMinutes(1)),
            URI.create("http://connector.test"));
    app =
        App.start(
            config,
            database,
            key,
            AdminToken.configured(ADMIN),
            Clock.systemUTC(),
            Optional.of(partner));
  }

  @AfterAll
  static void tearDown() {
    if (app != null) {
      app.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  @Order(1)
  void connects_through_the_consent_page_and_shows_the_organization_but_no_token()
      throws Exception {
    try (LogCapture logs = new LogCapture()) {
      Tenant tenant = newTenant();
      HttpResponse<String> start =
          get("/api/v1/tenants/" + tenant.id + "/greenhouse/oauth/start", tenant.token);
      assertThat(start.statusCode()).isEqualTo(302);
      URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
      assertThat(authorize.toString()).startsWith(sandbox.baseUrl() + "/authorize?");
      assertThat(authorize.getQuery()).contains("state=");

      HttpResponse<String> page =
          send(
              HttpRequest.newBuilder(
                      app.baseUrl()
                          .resolve(
                              consent(authorize).getRawPath()
                                  + "?"
                                  + consent(authorize).getRawQuery()))
                  .GET());
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      assertThat(page.body()).contains("Connected");

      JsonNode credential = credential(tenant);
      assertThat(credential.get("kind").asText()).isEqualTo("v3_partner");
      assertThat(credential.get("status").asText()).isEqualTo("connected");
      assertThat(credential.get("organization_name").asText()).isNotBlank();
      assertThat(credential.has("last4")).isFalse();

      String[] stored = storedTokens(tenant);
      String everything = start.body() + page.body() + credential + String.join("\n", logs.lines());
      assertThat(everything)
          .doesNotContain(stored[0])
          .doesNotContain(stored[1])
          .doesNotContain(partnerClient.secret().value());
    }
  }

  @Test
  @Order(2)
  void refuses_a_replayed_state_with_a_400_page_and_stores_nothing() throws Exception {
    Tenant tenant = newTenant();
    URI authorize =
        URI.create(
            get("/api/v1/tenants/" + tenant.id + "/greenhouse/oauth/start", tenant.token)
                .headers()
                .firstValue("Location")
                .orElseThrow());
    URI callback = consent(authorize);
    String state = query(callback, "state");
    HttpResponse<String> declined =
        get("/oauth/greenhouse/callback?error=access_denied&state=" + state, null);
    assertThat(declined.statusCode()).isEqualTo(400);
    assertThat(declined.body()).contains("access_denied").contains("declined");

    HttpResponse<String> replayed = get(callback.getRawPath() + "?" + callback.getRawQuery(), null);

    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayed.body()).contains("unknown, expired").contains("already used");
    assertThat(credential(tenant).get("configured").asBoolean()).isFalse();
  }

  @Test
  @Order(3)
  void two_instances_refresh_an_expired_token_with_a_single_token_call() throws Exception {
    Tenant tenant = connectedTenant();
    Greenhouse first = instance().forTenant(tenant.uuid()).orElseThrow();
    Greenhouse second = instance().forTenant(tenant.uuid()).orElseThrow();
    assertThat(first.departments()).isNotEmpty();
    assertThat(second.departments()).isNotEmpty();
    long before = sandbox.tokenRequestCount(partnerClient.clientId());
    String[] old = storedTokens(tenant);

    SANDBOX_CLOCK.advance(Duration.ofMinutes(61));
    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> first.departments().size());
    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> second.departments().size());

    assertThat(a.get()).isPositive();
    assertThat(b.get()).isPositive();
    assertThat(sandbox.tokenRequestCount(partnerClient.clientId())).isEqualTo(before + 1);
    assertThat(storedTokens(tenant)[1]).isNotEqualTo(old[1]);
    assertThat(credential(tenant).get("status").asText()).isEqualTo("connected");
  }

  @Test
  @Order(4)
  void start_without_a_configured_partner_client_is_a_409_saying_so() {
    PartnerConsent unconfigured =
        new PartnerConsent(
            new Credentials(database.jdbi(), key, Json.mapper(), Clock.systemUTC(), Duration.ZERO));

    assertThatThrownBy(() -> unconfigured.start(UUID.randomUUID()))
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409))
        .hasMessageContaining("operator has not configured a Greenhouse partner client");
  }

  @Test
  @Order(9)
  void a_revoked_authorization_reads_needs_reconnect_with_the_reason() throws Exception {
    Tenant tenant = connectedTenant();
    Greenhouse port = app.greenhouse().forTenant(tenant.uuid()).orElseThrow();
    assertThat(port.departments()).isNotEmpty();

    HttpResponse<String> revoked =
        send(
            HttpRequest.newBuilder(
                    sandbox
                        .baseUrl()
                        .resolve("/sandbox/oauth/clients/" + partnerClient.clientId() + "/revoke"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(revoked.statusCode()).isEqualTo(204);

    assertThatThrownBy(port::departments).isInstanceOf(GreenhouseException.Refused.class);
    JsonNode credential = credential(tenant);
    assertThat(credential.get("status").asText()).isEqualTo("needs_reconnect");
    assertThat(credential.get("reason").asText()).contains("refresh token");
    assertThat(credential.get("next_step").asText())
        .contains("connect again: GET /api/v1/tenants/{tenant_id}/greenhouse/oauth/start");
    long calls = sandbox.tokenRequestCount(partnerClient.clientId());
    assertThatThrownBy(port::departments).isInstanceOf(GreenhouseException.Refused.class);
    assertThat(sandbox.tokenRequestCount(partnerClient.clientId()))
        .as("a tenant that needs a reconnect sends no more refreshes")
        .isEqualTo(calls);
  }

  // --- the browser, by hand ---

  private record Tenant(String id, String token) {
    UUID uuid() {
      return UUID.fromString(id);
    }
  }

  private static Tenant newTenant() throws Exception {
    HttpResponse<String> created =
        post(
            "/api/v1/tenants",
            ADMIN,
            Map.of("name", "Partner " + UUID.randomUUID(), "error_recipient_email", "a@b.test"));
    String id = JSON.readTree(created.body()).get("tenant_id").asText();
    HttpResponse<String> token =
        post("/api/v1/tenants/" + id + "/tokens", ADMIN, Map.of("name", "t"));
    return new Tenant(id, JSON.readTree(token.body()).get("token").asText());
  }

  private static Tenant connectedTenant() throws Exception {
    Tenant tenant = newTenant();
    URI authorize =
        URI.create(
            get("/api/v1/tenants/" + tenant.id + "/greenhouse/oauth/start", tenant.token)
                .headers()
                .firstValue("Location")
                .orElseThrow());
    URI callback = consent(authorize);
    HttpResponse<String> page = get(callback.getRawPath() + "?" + callback.getRawQuery(), null);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return tenant;
  }

  /** Posts the consent form ("Authorize using a service account"); the redirect it answers. */
  private static URI consent(URI authorize) throws Exception {
    HttpResponse<String> form = send(HttpRequest.newBuilder(authorize).GET());
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(sandbox.baseUrl().resolve("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        authorize.getRawQuery() + "&choice=service_account")));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/oauth/greenhouse/callback");
    return back;
  }

  private static String query(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " not in " + uri.getPath());
  }

  private static JsonNode credential(Tenant tenant) throws Exception {
    HttpResponse<String> answer =
        get("/api/v1/tenants/" + tenant.id + "/greenhouse/credential", tenant.token);
    assertThat(answer.statusCode()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  /** Another connector instance over the same database and master key. */
  private static HarvestConnections instance() {
    return new HarvestConnections(
        new Credentials(
            database.jdbi(),
            key,
            Json.mapper(),
            Clock.systemUTC(),
            Duration.ofMinutes(1),
            Optional.of(partner)));
  }

  /** The tenant's stored tokens (decrypted here only to prove they never leak). */
  private static String[] storedTokens(Tenant tenant) throws Exception {
    byte[] sealed =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select api_key_ciphertext from greenhouse_credentials"
                                + " where tenant_id = :t")
                        .bind("t", tenant.uuid())
                        .mapTo(byte[].class)
                        .one());
    JsonNode pair =
        JSON.readTree(new CredentialStore(database.jdbi(), key).open(tenant.uuid(), sealed));
    return new String[] {pair.get("access_token").asText(), pair.get("refresh_token").asText()};
  }

  private static HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.baseUrl().resolve(path)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  private static HttpResponse<String> post(String path, String bearer, Object body)
      throws Exception {
    return send(
        HttpRequest.newBuilder(app.baseUrl().resolve(path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The sandbox's clock, moved by hand to expire its tokens. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
