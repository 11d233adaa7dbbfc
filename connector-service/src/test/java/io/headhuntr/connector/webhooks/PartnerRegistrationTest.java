package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.headhuntr.connector.App;
import io.headhuntr.connector.ConnectorConfig;
import io.headhuntr.connector.LogCapture;
import io.headhuntr.connector.credentials.ClientSecret;
import io.headhuntr.connector.credentials.PartnerClient;
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
import java.util.ArrayList;
import java.util.HashMap;
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
 * A partner connection ("Connect Greenhouse") registers the guide's 14 webhooks itself and the kit
 * watches them: the real {@link App} and the sandbox, the consent done by hand as a browser would,
 * the sandbox pinging and delivering to the app over loopback. One partner tenant for the class, in
 * order: the sandbox is one Greenhouse account, where a partner client holds one webhook per event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerRegistrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN = "ghc_admin_hooks_" + UUID.randomUUID();
  private static final String V1_KEY = "partner-hooks-v1-key";
  private static final ShiftedClock CLOCK = new ShiftedClock();

  private static GreenhouseSandbox sandbox;
  private static SandboxSide greenhouse;
  private static ClientCredentials partnerClient;
  private static App app;
  private static String tenant;
  private static String endpointUrl;

  @BeforeAll
  static void setUp() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI callback = URI.create("http://127.0.0.1:" + port + "/oauth/greenhouse/callback");
    sandbox =
        GreenhouseSandbox.builder()
            .apiKey(V1_KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(5)
            .rateLimit(0)
            .v3RateLimit(0)
            .partnerRedirectUri(callback.toString())
            .start();
    partnerClient = sandbox.demoPartnerClient();
    greenhouse = new SandboxSide(sandbox, V1_KEY);
    PartnerClient partner =
        new PartnerClient(
            partnerClient.clientId(),
            new ClientSecret(partnerClient.secret().value()),
            callback,
            sandbox.baseUrl(),
            sandbox.baseUrl(),
            List.of());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
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
            TestDatabase.shared(),
            new AesGcmJce(key),
            AdminToken.configured(ADMIN),
            CLOCK,
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
  void connecting_as_a_partner_registers_the_14_webhooks_and_greenhouse_pings_each()
      throws Exception {
    try (LogCapture logs = new LogCapture()) {
      tenant = connectedPartnerTenant();

      JsonNode kit = kit(false);
      endpointUrl = kit.get("endpoint_url").asText();
      String secret = kit.get("secret_key").asText();

      assertThat(kit.get("registration").asText()).isEqualTo("automatic");
      assertThat(kit.get("registration_note").asText()).contains("registers these webhooks");
      JsonNode run = kit.get("last_registration");
      assertThat(run.get("trigger").asText()).isEqualTo("connected");
      assertThat(run.get("created").asInt()).isEqualTo(14);
      assertThat(run.get("problem").isNull()).as(run.toString()).isTrue();
      assertThat(kit.get("greenhouse_checked_at").asText()).isNotBlank();
      for (JsonNode webhook : kit.get("webhooks")) {
        assertThat(webhook.get("status").asText()).as(webhook.toString()).isEqualTo("pinged");
        assertThat(webhook.get("deactivated").asBoolean()).isFalse();
        assertThat(webhook.get("greenhouse_web_hook_id").asLong()).isPositive();
      }
      assertThat(kit.get("warnings")).as(kit.get("warnings").toString()).isEmpty();

      List<JsonNode> inGreenhouse = greenhouse.webhooks();
      assertThat(inGreenhouse).hasSize(14);
      assertThat(inGreenhouse)
          .allSatisfy(
              w -> {
                assertThat(w.get("endpoint_url").asText()).isEqualTo(endpointUrl);
                assertThat(w.get("active").asBoolean()).isTrue();
                assertThat(w.get("name").asText()).startsWith("Headhuntr.io-");
              });
      assertThat(inGreenhouse.stream().map(w -> w.get("action").asText()).distinct())
          .containsExactlyInAnyOrderElementsOf(
              GuideWebhook.ALL.stream().map(GuideWebhook::action).toList());
      assertThat(String.join("\n", logs.lines())).doesNotContain(secret);
    }
  }

  @Test
  @Order(2)
  void registering_again_changes_nothing_in_greenhouse() throws Exception {
    List<JsonNode> before = greenhouse.webhooks();
    int pingsBefore = greenhouse.pings();

    JsonNode kit = register();

    JsonNode run = kit.get("last_registration");
    assertThat(run.get("trigger").asText()).isEqualTo("requested");
    assertThat(run.get("created").asInt()).isZero();
    assertThat(run.get("updated").asInt()).isZero();
    assertThat(run.get("kept").asInt()).isEqualTo(14);
    assertThat(greenhouse.webhooks()).isEqualTo(before);
    assertThat(greenhouse.pings())
        .as("nothing was saved again, so nothing was pinged")
        .isEqualTo(pingsBefore);
  }

  @Test
  @Order(3)
  void a_delivery_moves_the_kit_and_greenhouse_reports_it_delivered() throws Exception {
    long candidate =
        greenhouse.v1("GET", "/v1/candidates?per_page=1", null, null).get(0).get("id").asLong();
    long user = greenhouse.v1("GET", "/v1/users?per_page=1", null, null).get(0).get("id").asLong();

    greenhouse.v1(
        "PATCH", "/v1/candidates/" + candidate, Map.of("title", "Principal Engineer"), user);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "delivering".equals(entry(kit(false), "update_candidate").get("status").asText()));
    JsonNode updated = entry(kit(true), "update_candidate");
    assertThat(updated.get("deliveries").asLong()).isPositive();
    assertThat(updated.get("greenhouse_last_delivered").asText()).isNotBlank();
    assertThat(entry(kit(false), "hire_candidate").get("greenhouse_last_delivered").isNull())
        .isTrue();
  }

  @Test
  @Order(4)
  void the_kit_reads_greenhouse_at_most_once_a_minute() throws Exception {
    kit(true);
    long calls = sandbox.requestCount(partnerClient.clientId());

    kit(false);
    kit(false);
    kit(false);
    long afterThreeReads = sandbox.requestCount(partnerClient.clientId());
    CLOCK.advance(Duration.ofSeconds(61));
    kit(false);
    long afterAMinute = sandbox.requestCount(partnerClient.clientId());

    assertThat(afterThreeReads).isEqualTo(calls);
    assertThat(afterAMinute).isEqualTo(calls + 1);
  }

  @Test
  @Order(5)
  void a_webhook_greenhouse_deactivated_shows_as_failing_and_registering_revives_it()
      throws Exception {
    JsonNode hire = greenhouse.webhook("hire_candidate");
    greenhouse.admin(
        "PATCH", "/sandbox/webhooks/" + hire.get("id").asLong(), Map.of("active", false));

    JsonNode kit = kit(true);
    JsonNode failing = entry(kit, "hire_candidate");
    assertThat(failing.get("status").asText()).isEqualTo("failing");
    assertThat(failing.get("deactivated").asBoolean()).isTrue();
    assertThat(failing.get("failure_message").asText())
        .contains("Greenhouse has deactivated this webhook")
        .contains(endpointUrl)
        .contains("/webhooks/register");
    assertThat(kit.get("warnings").toString()).contains("'Candidate has been hired' is failing");

    JsonNode revived = register();

    assertThat(revived.get("last_registration").get("updated").asInt()).isEqualTo(1);
    assertThat(revived.get("last_registration").get("kept").asInt()).isEqualTo(13);
    assertThat(entry(revived, "hire_candidate").get("status").asText()).isNotEqualTo("failing");
    assertThat(entry(revived, "hire_candidate").get("deactivated").asBoolean()).isFalse();
    assertThat(greenhouse.webhook("hire_candidate").get("active").asBoolean()).isTrue();
  }

  @Test
  @Order(6)
  void a_webhook_moved_to_another_url_in_greenhouse_is_put_back() throws Exception {
    JsonNode job = greenhouse.webhook("job_updated");
    greenhouse.admin(
        "PATCH",
        "/sandbox/webhooks/" + job.get("id").asLong(),
        Map.of("endpoint_url", "http://127.0.0.1:9/elsewhere"));

    JsonNode kit = register();

    assertThat(kit.get("last_registration").get("updated").asInt()).isEqualTo(1);
    JsonNode back = greenhouse.webhook("job_updated");
    assertThat(back.get("id").asLong()).isEqualTo(job.get("id").asLong());
    assertThat(back.get("endpoint_url").asText()).isEqualTo(endpointUrl);
    assertThat(back.get("active").asBoolean()).isTrue();
  }

  @Test
  @Order(7)
  void rotating_the_secret_saves_the_new_one_in_greenhouse() throws Exception {
    int pingsBefore = greenhouse.pings();

    JsonNode rotated = post("/api/v1/tenants/" + tenant + "/webhooks/secret/rotate", 200);

    assertThat(rotated.get("last_registration").get("trigger").asText())
        .isEqualTo("secret_rotated");
    assertThat(rotated.get("last_registration").get("updated").asInt()).isEqualTo(14);
    assertThat(greenhouse.pings()).isEqualTo(pingsBefore + 14);
    JsonNode lastPing =
        greenhouse.admin("GET", "/sandbox/deliveries?action=ping&limit=1", null).get(0);
    assertThat(lastPing.get("signature").asText())
        .as("Greenhouse signs with the new secret")
        .isEqualTo(
            GreenhouseSignature.header(
                new WebhookSecret(rotated.get("secret_key").asText()),
                lastPing.get("body").asText().getBytes(StandardCharsets.US_ASCII)));
    assertThat(rotated.get("last_rejected_delivery_at").isNull()).isTrue();
    assertThat(register().get("last_registration").get("kept").asInt()).isEqualTo(14);
  }

  @Test
  @Order(8)
  void two_registrations_at_once_leave_one_webhook_per_event() throws Exception {
    for (JsonNode w : greenhouse.webhooks()) {
      greenhouse.admin("DELETE", "/sandbox/webhooks/" + w.get("id").asLong(), null);
    }
    assertThat(greenhouse.webhooks()).isEmpty();

    CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(this::registerRaw);
    CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(this::registerRaw);

    for (HttpResponse<String> answer : List.of(a.get(), b.get())) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode run = JSON.readTree(answer.body()).get("last_registration");
      assertThat(run.get("problem").isNull()).as(run.toString()).isTrue();
    }
    List<JsonNode> inGreenhouse = greenhouse.webhooks();
    assertThat(inGreenhouse).hasSize(14);
    assertThat(inGreenhouse.stream().map(w -> w.get("action").asText()).distinct()).hasSize(14);
    assertThat(inGreenhouse).allSatisfy(w -> assertThat(w.get("active").asBoolean()).isTrue());
    assertThat(kit(true).get("webhooks"))
        .allSatisfy(w -> assertThat(w.get("deactivated").asBoolean()).isFalse());
  }

  @Test
  @Order(9)
  void a_registration_greenhouse_refuses_is_shown_in_the_kit_with_what_to_do() throws Exception {
    // the customer's admin took the webhook scopes away (runs last: a partner token gets them
    // back only through a new consent)
    List<String> scopes = new ArrayList<>();
    for (JsonNode client : greenhouse.admin("GET", "/sandbox/oauth/clients", null)) {
      if (client.get("client_id").asText().equals(partnerClient.clientId())) {
        client.get("scopes").forEach(scope -> scopes.add(scope.asText()));
      }
    }
    scopes.removeIf(scope -> scope.startsWith("harvest:webhooks:"));
    greenhouse.admin(
        "PUT",
        "/sandbox/oauth/clients/" + partnerClient.clientId() + "/scopes",
        Map.of("scopes", scopes));

    JsonNode kit = register();

    String problem = kit.get("last_registration").get("problem").asText();
    assertThat(problem)
        .contains("Greenhouse did not list the webhooks")
        .contains("harvest:webhooks:list")
        .contains("connect Greenhouse again");
    List<String> warnings = new ArrayList<>();
    kit.get("warnings").forEach(w -> warnings.add(w.asText()));
    assertThat(warnings).anySatisfy(w -> assertThat(w).endsWith(problem));
  }

  // --- the connector's API ---

  private static JsonNode kit(boolean refresh) throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(
                    app.baseUrl()
                        .resolve(
                            "/api/v1/tenants/"
                                + tenant
                                + "/webhooks/setup"
                                + (refresh ? "?refresh=true" : "")))
                .header("Authorization", "Bearer " + ADMIN)
                .GET());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static JsonNode register() throws Exception {
    return post("/api/v1/tenants/" + tenant + "/webhooks/register", 200);
  }

  private HttpResponse<String> registerRaw() {
    try {
      return send(
          HttpRequest.newBuilder(
                  app.baseUrl().resolve("/api/v1/tenants/" + tenant + "/webhooks/register"))
              .header("Authorization", "Bearer " + ADMIN)
              .POST(HttpRequest.BodyPublishers.noBody()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode post(String path, int status) throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(app.baseUrl().resolve(path))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return JSON.readTree(answer.body());
  }

  private static JsonNode entry(JsonNode kit, String action) {
    for (JsonNode webhook : kit.get("webhooks")) {
      if (webhook.get("action").asText().equals(action)) {
        return webhook;
      }
    }
    throw new AssertionError("no " + action + " in the kit");
  }

  /** A tenant whose endpoint the sandbox reaches, connected through the consent page. */
  private static String connectedPartnerTenant() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Partner Hooks Co");
    body.put("error_recipient_email", "ats@hooks.test");
    body.put("public_base_url", app.baseUrl().toString().replace("localhost", "127.0.0.1"));
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(app.baseUrl().resolve("/api/v1/tenants"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("tenant_id").asText();
    HttpResponse<String> start =
        send(
            HttpRequest.newBuilder(
                    app.baseUrl().resolve("/api/v1/tenants/" + id + "/greenhouse/oauth/start"))
                .header("Authorization", "Bearer " + ADMIN)
                .GET());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> form = send(HttpRequest.newBuilder(authorize).GET());
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    HttpResponse<String> consent =
        send(
            HttpRequest.newBuilder(sandbox.baseUrl().resolve("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        authorize.getRawQuery() + "&choice=service_account")));
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
    URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> page =
        send(
            HttpRequest.newBuilder(
                    app.baseUrl().resolve(back.getRawPath() + "?" + back.getRawQuery()))
                .GET());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return id;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The system clock, moved ahead by hand (the connector's clock; time keeps running). */
  private static final class ShiftedClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    void advance(Duration by) {
      shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(shift);
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
