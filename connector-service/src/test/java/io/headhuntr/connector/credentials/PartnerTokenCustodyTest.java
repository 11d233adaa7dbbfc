package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.zaxxer.hikari.HikariDataSource;
import io.headhuntr.connector.App;
import io.headhuntr.connector.ConnectorConfig;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.HarvestConnections;
import io.headhuntr.connector.greenhouse.PartnerConsent;
import io.headhuntr.connector.greenhouse.PartnerTokenKeepAlive;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.tenant.AdminToken;
import io.headhuntr.connector.users.TestTenant;
import io.headhuntr.connector.webhooks.inbox.TestClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Token custody across connector instances: two {@link App}s on one database refresh the tenant's
 * one refresh token once (the sandbox counts the grants), and a connector killed with SIGKILL after
 * Greenhouse answered its refresh but before the new pair was committed leaves a tenant that reads
 * {@code needs_reconnect} with Greenhouse's reason, whose next calls send no refresh: no silent
 * failure loop. A database of its own (the instances' keep-alive rounds look at every tenant).
 */
// a child JVM: one that hangs fails the test instead of hanging the build
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PartnerTokenCustodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN = "ghc_admin_custody_" + UUID.randomUUID();

  private static Database database;
  private static PartnerSandbox sandbox;
  private static byte[] rawKey;
  private static Aead key;
  private static int callbackPort;

  @BeforeAll
  static void setUp() throws Exception {
    database = PartnerSandbox.isolatedDatabase();
    callbackPort = PartnerSandbox.freePort();
    sandbox = PartnerSandbox.start(callback(callbackPort));
    rawKey = new byte[32];
    new SecureRandom().nextBytes(rawKey);
    key = new AesGcmJce(rawKey);
  }

  @AfterAll
  static void tearDown() {
    if (sandbox != null) {
      sandbox.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void two_connector_instances_sharing_one_refresh_token_refresh_it_once() throws Exception {
    try (TokenProxy proxy = new TokenProxy(sandbox.sandbox().baseUrl());
        App first = app(callbackPort, sandbox.partner(proxy.baseUrl()));
        App second = app(0, sandbox.partner(proxy.baseUrl()))) {
      UUID tenant = connectThrough(first);
      Greenhouse one = first.greenhouse().forTenant(tenant).orElseThrow();
      Greenhouse two = second.greenhouse().forTenant(tenant).orElseThrow();
      assertThat(one.departments()).isNotEmpty();
      assertThat(two.departments()).isNotEmpty();
      long before = sandbox.tokenRequests();
      String oldRefresh = storedTokens(tenant).get("refresh_token").asText();

      sandbox.clock().advance(Duration.ofMinutes(61)); // both cached access tokens expire
      // the first refresh's answer waits until the other instance waits for the row lock
      proxy.holdRefreshAnswersUntil(
          PartnerTokenCustodyTest::aRowLockIsAwaited, Duration.ofSeconds(10));
      CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> one.departments().size());
      CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> two.departments().size());

      assertThat(a.get()).isPositive();
      assertThat(b.get()).isPositive();
      assertThat(proxy.conditionMet()).as("the second instance waited for the lock").isTrue();
      assertThat(sandbox.tokenRequests()).as("one rotation").isEqualTo(before + 1);
      assertThat(storedTokens(tenant).get("refresh_token").asText()).isNotEqualTo(oldRefresh);
      JsonNode credential = get(second, "/api/v1/tenants/" + tenant + "/greenhouse/credential");
      assertThat(credential.get("status").asText()).isEqualTo("connected");
    }
  }

  @Test
  void
      a_connector_killed_between_the_token_answer_and_the_commit_leaves_needs_reconnect_not_a_loop()
          throws Exception {
    UUID tenant = TestTenant.create(database.jdbi());
    Credentials direct = credentials(sandbox.partner(), Clock.systemUTC());
    sandbox.connect(new PartnerConsent(direct), tenant);
    JsonNode committed = storedTokens(tenant);
    sandbox.clock().advance(Duration.ofMinutes(61)); // the next call needs a refresh

    List<String> childOutput = new CopyOnWriteArrayList<>();
    try (TokenProxy proxy = new TokenProxy(sandbox.sandbox().baseUrl())) {
      proxy.holdRefreshAnswers();
      Process child = startChild(tenant, proxy.baseUrl(), childOutput);
      try {
        assertThat(proxy.awaitHeldAnswer(Duration.ofSeconds(90)))
            .as("Greenhouse answered the child's refresh (output: %s)", childOutput)
            .isTrue();
      } finally {
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the JVM
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
    assertThat(childOutput).contains("CALLING").noneMatch(line -> line.startsWith("UNEXPECTED"));
    assertThat(storedTokens(tenant)).as("the new pair was never committed").isEqualTo(committed);

    long tokenCalls = sandbox.tokenRequests();
    Greenhouse fresh =
        new HarvestConnections(credentials(sandbox.partner(), Clock.systemUTC()))
            .forTenant(tenant)
            .orElseThrow();
    assertThatThrownBy(fresh::departments)
        .isInstanceOf(GreenhouseException.Refused.class)
        .hasMessageContaining("reconnect");
    CredentialStatus status = direct.status(tenant);
    assertThat(status.status()).isEqualTo(CredentialStatus.NEEDS_RECONNECT);
    assertThat(status.reason()).contains("refresh token");
    assertThat(status.nextStep()).contains("/greenhouse/oauth/start");
    assertThat(sandbox.tokenRequests()).as("one refused refresh").isEqualTo(tokenCalls + 1);

    // no loop: later calls and keep-alive rounds send Greenhouse nothing
    assertThatThrownBy(fresh::departments).isInstanceOf(GreenhouseException.Refused.class);
    database
        .jdbi()
        .useHandle( // the round below is about this tenant alone
            h ->
                h.createUpdate("delete from greenhouse_credentials where tenant_id <> :t")
                    .bind("t", tenant)
                    .execute());
    TestClock later = new TestClock();
    later.advance(PartnerTokenKeepAlive.ROTATE_AFTER.plusHours(1));
    try (PartnerTokenKeepAlive keepAlive =
        new PartnerTokenKeepAlive(
            database.dataSource(), credentials(sandbox.partner(), later), later)) {
      assertThat(keepAlive.runOnce()).isEqualTo(new PartnerTokenKeepAlive.Round(0, 0, 0, false));
    }
    assertThat(sandbox.tokenRequests()).isEqualTo(tokenCalls + 1);
    assertThat(String.join("\n", childOutput))
        .doesNotContain(committed.get("access_token").asText())
        .doesNotContain(committed.get("refresh_token").asText());
  }

  // --- instances ---

  private static App app(int port, PartnerClient partner) {
    ConnectorConfig config =
        new ConnectorConfig(
            new ConnectorConfig.HttpConfig(
                port, ConnectorConfig.HttpConfig.DEFAULT_MAX_REQUEST_BYTES),
            new ConnectorConfig.DbConfig(Optional.of("isolated"), "", "", Path.of("unused")),
            new ConnectorConfig.SecurityConfig(
                Optional.of(ADMIN), Optional.empty(), Duration.ofMinutes(1)),
            URI.create("http://connector.test"));
    return App.start(
        config,
        database,
        key,
        AdminToken.configured(ADMIN),
        Clock.systemUTC(),
        Optional.of(partner));
  }

  private static Credentials credentials(PartnerClient partner, Clock clock) {
    return new Credentials(
        database.jdbi(), key, Json.mapper(), clock, Duration.ofMinutes(1), Optional.of(partner));
  }

  /** A new tenant connected through the app's oauth/start and callback, as a browser would. */
  private static UUID connectThrough(App app) throws Exception {
    HttpResponse<String> created =
        send(
            app,
            HttpRequest.newBuilder(app.baseUrl().resolve("/api/v1/tenants"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of(
                                "name",
                                "Custody " + UUID.randomUUID(),
                                "error_recipient_email",
                                "a@b.test")))));
    UUID tenant = UUID.fromString(JSON.readTree(created.body()).get("tenant_id").asText());
    HttpResponse<String> start =
        send(
            app,
            HttpRequest.newBuilder(
                    app.baseUrl().resolve("/api/v1/tenants/" + tenant + "/greenhouse/oauth/start"))
                .GET());
    assertThat(start.statusCode()).isEqualTo(302);
    URI back = sandbox.consent(URI.create(start.headers().firstValue("Location").orElseThrow()));
    HttpResponse<String> page =
        send(
            app,
            HttpRequest.newBuilder(
                    app.baseUrl().resolve(back.getRawPath() + "?" + back.getRawQuery()))
                .GET());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return tenant;
  }

  private static JsonNode get(App app, String path) throws Exception {
    HttpResponse<String> answer =
        send(app, HttpRequest.newBuilder(app.baseUrl().resolve(path)).GET());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static HttpResponse<String> send(App app, HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static URI callback(int port) {
    return URI.create("http://localhost:" + port + "/oauth/greenhouse/callback");
  }

  /** {@link PartnerRefreshChild} in a JVM of its own, its output lines collected. */
  private static Process startChild(UUID tenant, URI authUrl, List<String> output)
      throws IOException {
    HikariDataSource pool = (HikariDataSource) database.dataSource();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", // a short-lived child: start fast
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                PartnerRefreshChild.class.getName(),
                tenant.toString(),
                authUrl.toString(),
                sandbox.sandbox().baseUrl().toString(),
                callback(callbackPort).toString())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("CHILD_DB_URL", pool.getJdbcUrl());
    env.put("CHILD_DB_USER", pool.getUsername());
    env.put("CHILD_DB_PASSWORD", pool.getPassword() == null ? "" : pool.getPassword());
    env.put("CHILD_MASTER_KEY", Base64.getEncoder().encodeToString(rawKey));
    env.put("CHILD_CLIENT_ID", sandbox.clientId());
    env.put("CHILD_CLIENT_SECRET", sandbox.clientSecret());
    Process child = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  output.add(line);
                }
              } catch (IOException e) {
                // the child is gone
              }
            },
            "refresh-child-output");
    reader.setDaemon(true);
    reader.start();
    return child;
  }

  private static boolean aRowLockIsAwaited() {
    return database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and query like '%greenhouse_credentials%for update%'")
                        .mapTo(Integer.class)
                        .one())
        > 0;
  }

  /** The tenant's stored pair, decrypted here only to compare it and to prove it never leaks. */
  private static JsonNode storedTokens(UUID tenant) {
    byte[] sealed =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select api_key_ciphertext from greenhouse_credentials"
                                + " where tenant_id = :t")
                        .bind("t", tenant)
                        .mapTo(byte[].class)
                        .one());
    try {
      return JSON.readTree(new CredentialStore(database.jdbi(), key).open(tenant, sealed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
