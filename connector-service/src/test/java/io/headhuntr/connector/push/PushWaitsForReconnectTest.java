package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import io.headhuntr.connector.App;
import io.headhuntr.connector.ConnectorConfig;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.credentials.PartnerSandbox;
import io.headhuntr.connector.greenhouse.HarvestConnections;
import io.headhuntr.connector.greenhouse.PartnerConsent;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.tenant.AdminToken;
import io.headhuntr.connector.tenant.TenantState;
import io.headhuntr.connector.tenant.Tenants;
import io.headhuntr.connector.users.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pushes of a tenant whose "Connect Greenhouse" authorization Greenhouse no longer honours wait:
 * nothing fails, nothing is sent to Greenhouse while they wait, the push and the credential say
 * what to do, and after a reconnect the push goes on by itself and is done once. Once through the
 * real {@link App} (the callback wakes the push), once with a {@link PushWorker} alone, whose short
 * recheck finds the connection back without being woken.
 */
class PushWaitsForReconnectTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN = "ghc_admin_reconnect_" + UUID.randomUUID();

  private static PartnerSandbox sandbox;
  private static int port;
  private static Aead key;

  @BeforeAll
  static void setUp() {
    port = PartnerSandbox.freePort();
    sandbox =
        PartnerSandbox.start(URI.create("http://localhost:" + port + "/oauth/greenhouse/callback"));
    key = PartnerSandbox.newKey();
  }

  @AfterAll
  static void tearDown() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void a_push_waits_for_the_reconnect_says_what_to_do_and_is_done_once_after_it() throws Exception {
    try (App app = startApp()) {
      String tenant = createTenant(app);
      String base = "/api/v1/tenants/" + tenant;
      connect(app, tenant);
      JsonNode user = sandbox.v1("/v1/users?per_page=1").get(0);
      expect(
          200,
          call(
              app,
              "PUT",
              base + "/users",
              List.of(
                  Map.of(
                      "id", "rec-1",
                      "email", user.get("primary_email_address").asText(),
                      "name", "Recruiter One"))));
      expect(
          200,
          call(
              app,
              "PUT",
              base + "/user-mappings",
              List.of(
                  Map.of(
                      "platform_user_id",
                      "rec-1",
                      "greenhouse_user_id",
                      user.get("id").asLong()))));
      expect(200, call(app, "POST", base + "/activate", null));

      sandbox.revokeEveryGrant(); // the refresh token Greenhouse gave is dead now
      long jobId = sandbox.v1("/v1/jobs?per_page=1&status=open").get(0).get("id").asLong();
      String email = "reconnect-" + UUID.randomUUID() + "@example.com";
      String pushId =
          expect(202, call(app, "POST", base + "/pushes", candidate(email, jobId), "push-rc-1"))
              .get("id")
              .asText();

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                JsonNode p = expect(200, call(app, "GET", base + "/pushes/" + pushId, null));
                assertThat(p.get("status").asText()).isEqualTo("queued");
                assertThat(p.get("step").asText()).isEqualTo("waiting_for_reconnect");
              });
      JsonNode waiting = expect(200, call(app, "GET", base + "/pushes/" + pushId, null));
      assertThat(waiting.get("error").asText())
          .contains("waiting for the Greenhouse connection to be reconnected")
          .contains(base + "/greenhouse/oauth/start")
          .contains("goes on by itself");
      JsonNode credential = expect(200, call(app, "GET", base + "/greenhouse/credential", null));
      assertThat(credential.get("status").asText()).isEqualTo("needs_reconnect");
      assertThat(credential.get("reason").asText()).contains("refresh token");
      assertThat(credential.get("next_step").asText())
          .contains("/greenhouse/oauth/start")
          .contains("Pushes wait");

      // waiting is quiet: no refresh, no Harvest call, no attempt
      long tokens = sandbox.tokenRequests();
      long harvest = sandbox.harvestRequests();
      int attempts = waiting.get("attempts").asInt();
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(4))
          .until(
              () -> {
                JsonNode p = expect(200, call(app, "GET", base + "/pushes/" + pushId, null));
                return sandbox.tokenRequests() == tokens
                    && sandbox.harvestRequests() == harvest
                    && p.get("attempts").asInt() == attempts
                    && p.get("step").asText().equals("waiting_for_reconnect");
              });

      connect(app, tenant);

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          expect(200, call(app, "GET", base + "/pushes/" + pushId, null))
                              .get("status")
                              .asText())
                      .isEqualTo("done"));
      JsonNode done = expect(200, call(app, "GET", base + "/pushes/" + pushId, null));
      long candidateId = done.get("candidate_id").asLong();
      JsonNode inGreenhouse = sandbox.v1("/v1/candidates?email=" + email);
      assertThat(inGreenhouse).as("one person in Greenhouse").hasSize(1);
      assertThat(inGreenhouse.get(0).get("id").asLong()).isEqualTo(candidateId);
      JsonNode events = expect(200, call(app, "GET", base + "/events?after=", null));
      assertThat(
              StreamSupport.stream(events.path("events").spliterator(), false)
                  .filter(e -> pushId.equals(e.path("data").path("push_id").asText()))
                  .count())
          .as("one person_pushed event")
          .isEqualTo(1);
      assertThat(
              expect(200, call(app, "GET", base + "/greenhouse/credential", null))
                  .get("status")
                  .asText())
          .isEqualTo("connected");
    }
  }

  @Test
  void a_waiting_push_is_looked_at_again_without_a_greenhouse_call_and_goes_on_once_connected()
      throws Exception {
    Database database = TestDatabase.shared();
    Credentials credentials =
        new Credentials(
            database.jdbi(),
            key,
            Json.mapper(),
            Clock.systemUTC(),
            Duration.ofMinutes(1),
            Optional.of(sandbox.partner()));
    UUID tenant = TestTenant.create(database.jdbi());
    new Tenants(database.jdbi()).setState(tenant, TenantState.ACTIVE);
    PartnerConsent consent = new PartnerConsent(credentials); // wakes nobody: the recheck must
    sandbox.connect(consent, tenant);
    AtomicInteger looks = new AtomicInteger();
    ReconnectCheck counted =
        t -> {
          looks.incrementAndGet();
          return credentials.reconnectReason(t);
        };
    PushStore store = new PushStore(database.jdbi());
    try (PushWorker worker =
        new PushWorker(
            database,
            new HarvestConnections(credentials),
            PushConfig.defaults(),
            Clock.systemUTC(),
            Optional.of(Set.of(tenant)),
            counted,
            Duration.ofMillis(100))) {
      String email = "recheck-" + UUID.randomUUID() + "@example.com";
      long jobId = sandbox.v1("/v1/jobs?per_page=1&status=open").get(0).get("id").asLong();
      long actingUser = sandbox.v1("/v1/users?per_page=1").get(0).get("id").asLong();
      UUID pushId = insert(store, tenant, candidate(email, jobId), actingUser);
      sandbox.revokeEveryGrant();

      assertThat(worker.runOnce()).isEqualTo(1); // Greenhouse refuses the refresh on the way
      PushRow waiting = store.find(tenant, pushId).orElseThrow();
      assertThat(waiting.status()).isEqualTo("queued");
      assertThat(waiting.step()).isEqualTo("waiting_for_reconnect");
      assertThat(waiting.error()).contains("refresh token");
      assertThat(credentials.reconnectReason(tenant)).isPresent();

      long tokens = sandbox.tokenRequests();
      long harvest = sandbox.harvestRequests();
      int lookedAt = looks.get();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                worker.runOnce();
                return looks.get() >= lookedAt + 3;
              });
      PushRow stillWaiting = store.find(tenant, pushId).orElseThrow();
      assertThat(stillWaiting.step()).isEqualTo("waiting_for_reconnect");
      assertThat(stillWaiting.attempts()).as("a look is no attempt").isEqualTo(waiting.attempts());
      assertThat(sandbox.tokenRequests()).as("no refresh while waiting").isEqualTo(tokens);
      assertThat(sandbox.harvestRequests()).as("no Harvest call while waiting").isEqualTo(harvest);

      sandbox.connect(consent, tenant);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                worker.runOnce();
                return store.find(tenant, pushId).orElseThrow().status().equals("done");
              });
      assertThat(sandbox.v1("/v1/candidates?email=" + email)).hasSize(1);
    }
  }

  // --- helpers ---

  private static UUID insert(PushStore store, UUID tenant, ObjectNode body, long actingUser) {
    ObjectNode request =
        new PushValidator(new AttachmentRules(PushConfig.defaults().attachmentMaxBytes()))
            .validate(body);
    return store
        .jdbi()
        .inTransaction(
            h ->
                store
                    .insert(
                        h,
                        tenant,
                        new PushStore.NewPush(
                            "recheck-" + UUID.randomUUID(),
                            PushHttp.hash(request),
                            null,
                            "rec-1",
                            actingUser,
                            "candidate",
                            request))
                    .row()
                    .pushId());
  }

  private static ObjectNode candidate(String email, long jobId) {
    ObjectNode body = JSON.createObjectNode().put("acting_user_id", "rec-1");
    ObjectNode person = body.putObject("person").put("first_name", "Ada").put("last_name", "Wait");
    person.putArray("email_addresses").addObject().put("value", email).put("type", "personal");
    body.putObject("target").put("type", "candidate").put("job_id", jobId);
    return body;
  }

  private static App startApp() {
    ConnectorConfig config =
        new ConnectorConfig(
            new ConnectorConfig.HttpConfig(
                port, ConnectorConfig.HttpConfig.DEFAULT_MAX_REQUEST_BYTES),
            new ConnectorConfig.DbConfig(Optional.of("shared"), "", "", Path.of("unused")),
            new ConnectorConfig.SecurityConfig(
                Optional.of(ADMIN), Optional.empty(), Duration.ofMinutes(1)),
            URI.create("http://connector.test"));
    return App.start(
        config,
        TestDatabase.shared(),
        key,
        AdminToken.configured(ADMIN),
        Clock.systemUTC(),
        Optional.of(sandbox.partner()));
  }

  private static String createTenant(App app) throws Exception {
    return expect(
            201,
            call(
                app,
                "POST",
                "/api/v1/tenants",
                Map.of(
                    "name", "Reconnect " + UUID.randomUUID(), "error_recipient_email", "a@b.test")))
        .get("tenant_id")
        .asText();
  }

  /** "Connect Greenhouse" as the browser does it: start, the consent form, the callback. */
  private static void connect(App app, String tenant) throws Exception {
    HttpResponse<String> start =
        call(app, "GET", "/api/v1/tenants/" + tenant + "/greenhouse/oauth/start", null);
    assertThat(start.statusCode()).isEqualTo(302);
    URI back = sandbox.consent(URI.create(start.headers().firstValue("Location").orElseThrow()));
    HttpResponse<String> page =
        call(app, "GET", back.getRawPath() + "?" + back.getRawQuery(), null);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
  }

  private static HttpResponse<String> call(App app, String method, String path, Object body)
      throws Exception {
    return call(app, method, path, body, null);
  }

  private static HttpResponse<String> call(
      App app, String method, String path, Object body, String idempotencyKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.baseUrl().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + ADMIN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode expect(int status, HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return JSON.readTree(answer.body());
  }
}
