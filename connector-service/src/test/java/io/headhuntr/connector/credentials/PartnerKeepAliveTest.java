package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import io.headhuntr.connector.LogCapture;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.greenhouse.HarvestConnections;
import io.headhuntr.connector.greenhouse.PartnerConsent;
import io.headhuntr.connector.greenhouse.PartnerTokenKeepAlive;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.users.TestTenant;
import io.headhuntr.connector.webhooks.inbox.TestClock;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keep-alive of partner tokens, with clocks the test moves (the connector's, and the sandbox's
 * on which Greenhouse's 1 h access and 24 h refresh lifetimes run): an idle connection is refreshed
 * once 20 h old, and so outlives its first refresh token; a refusal reads {@code needs_reconnect}
 * with the reason and is not sent again; two instances refresh one connection once; and the
 * recurring db-scheduler task runs rounds by itself. A database of its own: a round looks at every
 * tenant.
 */
class PartnerKeepAliveTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DUE = PartnerTokenKeepAlive.ROTATE_AFTER.plusMinutes(1);

  private static Database database;
  private static PartnerSandbox sandbox;
  private static Aead key;
  private static TestClock clock;
  private static Credentials credentials;
  private static PartnerConsent consent;
  private static PartnerTokenKeepAlive keepAlive;

  @BeforeAll
  static void setUp() {
    database = PartnerSandbox.isolatedDatabase();
    sandbox = PartnerSandbox.start(URI.create("http://127.0.0.1:9/oauth/greenhouse/callback"));
    key = PartnerSandbox.newKey();
    clock = new TestClock();
    credentials = credentials(sandbox.partner());
    consent = new PartnerConsent(credentials);
    keepAlive = new PartnerTokenKeepAlive(database.dataSource(), credentials, clock);
  }

  @AfterAll
  static void tearDown() {
    if (keepAlive != null) {
      keepAlive.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void onlyThisTestsConnections() {
    database.jdbi().useHandle(h -> h.execute("delete from greenhouse_credentials"));
  }

  @Test
  void refreshes_an_idle_connection_20_hours_old_so_it_outlives_its_first_refresh_token() {
    UUID tenant = connected();
    JsonNode connectedWith = storedTokens(tenant);
    long before = sandbox.tokenRequests();

    try (LogCapture logs = new LogCapture()) {
      advance(PartnerTokenKeepAlive.ROTATE_AFTER.minusMinutes(1));
      assertThat(keepAlive.runOnce().refreshed()).as("19 h 59 min old: not yet").isZero();
      assertThat(sandbox.tokenRequests()).isEqualTo(before);

      advance(Duration.ofMinutes(1));
      PartnerTokenKeepAlive.Round round = keepAlive.runOnce();

      assertThat(round.refreshed()).as("20 h old: refreshed").isEqualTo(1);
      assertThat(sandbox.tokenRequests()).as("one refresh").isEqualTo(before + 1);
      JsonNode rotated = storedTokens(tenant);
      assertThat(rotated.get("refresh_token")).isNotEqualTo(connectedWith.get("refresh_token"));
      assertThat(rotatedAt(tenant)).isEqualTo(clock.instant());
      assertThat(keepAlive.runOnce().refreshed()).as("just rotated: left alone").isZero();

      // 40 h after the connect: the first refresh token (24 h) is long dead; the chain is not
      advance(DUE);
      assertThat(keepAlive.runOnce().refreshed()).isEqualTo(1);
      assertThat(sandbox.tokenRequests()).isEqualTo(before + 2);
      assertThat(new HarvestConnections(credentials).forTenant(tenant).orElseThrow().departments())
          .as("the tenant still reaches Greenhouse after 40 idle hours")
          .isNotEmpty();
      assertThat(credentials.status(tenant).status()).isEqualTo("connected");

      String everything = String.join("\n", logs.lines());
      for (JsonNode pair : List.of(connectedWith, rotated, storedTokens(tenant))) {
        assertThat(everything)
            .doesNotContain(pair.get("access_token").asText())
            .doesNotContain(pair.get("refresh_token").asText());
      }
    }
  }

  @Test
  void a_refresh_greenhouse_refuses_reads_needs_reconnect_with_the_reason_and_is_not_sent_again() {
    UUID tenant = connected();
    sandbox.revokeEveryGrant();
    advance(DUE);

    PartnerTokenKeepAlive.Round round = keepAlive.runOnce();

    assertThat(round.markedNeedsReconnect()).isEqualTo(1);
    assertThat(round.refreshed()).isZero();
    CredentialStatus status = credentials.status(tenant);
    assertThat(status.status()).isEqualTo(CredentialStatus.NEEDS_RECONNECT);
    assertThat(status.reason()).contains("refresh token");
    assertThat(status.nextStep()).contains("/greenhouse/oauth/start");
    long after = sandbox.tokenRequests();

    advance(DUE);
    assertThat(keepAlive.runOnce())
        .as("a marked tenant is left to the person who reconnects")
        .isEqualTo(new PartnerTokenKeepAlive.Round(0, 0, 0, false));
    assertThat(sandbox.tokenRequests()).isEqualTo(after);

    sandbox.connect(consent, tenant);
    assertThat(credentials.status(tenant).status()).isEqualTo("connected");
    assertThat(keepAlive.runOnce().refreshed()).as("just connected again").isZero();
  }

  @Test
  void two_instances_keeping_one_connection_alive_refresh_it_once() throws Exception {
    UUID tenant = connected();
    advance(DUE);
    long before = sandbox.tokenRequests();
    JsonNode old = storedTokens(tenant);
    try (TokenProxy proxy = new TokenProxy(sandbox.sandbox().baseUrl())) {
      // the first refresh's answer waits until the other instance waits for the row lock
      proxy.holdRefreshAnswersUntil(PartnerKeepAliveTest::aRowLockIsAwaited, Duration.ofSeconds(5));
      Credentials viaProxy = credentials(sandbox.partner(proxy.baseUrl()));
      try (PartnerTokenKeepAlive one =
              new PartnerTokenKeepAlive(database.dataSource(), viaProxy, clock);
          PartnerTokenKeepAlive two =
              new PartnerTokenKeepAlive(
                  database.dataSource(), credentials(sandbox.partner(proxy.baseUrl())), clock)) {
        CompletableFuture<PartnerTokenKeepAlive.Round> a =
            CompletableFuture.supplyAsync(one::runOnce);
        CompletableFuture<PartnerTokenKeepAlive.Round> b =
            CompletableFuture.supplyAsync(two::runOnce);

        assertThat(a.get().refreshed() + b.get().refreshed()).isEqualTo(1);
        assertThat(a.get().failed() + b.get().failed()).isZero();
      }
      assertThat(proxy.conditionMet()).as("the second instance waited for the lock").isTrue();
      assertThat(proxy.refreshes()).isEqualTo(1);
    }
    assertThat(sandbox.tokenRequests()).as("one rotation").isEqualTo(before + 1);
    assertThat(storedTokens(tenant).get("refresh_token")).isNotEqualTo(old.get("refresh_token"));
    assertThat(credentials.status(tenant).status()).isEqualTo("connected");
  }

  @Test
  void the_recurring_task_runs_rounds_by_itself() {
    UUID tenant = connected();
    JsonNode old = storedTokens(tenant);
    advance(DUE);

    try (PartnerTokenKeepAlive recurring =
        new PartnerTokenKeepAlive(
            database.dataSource(), credentials, clock, Duration.ofMillis(500))) {
      recurring.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(storedTokens(tenant).get("refresh_token"))
                      .isNotEqualTo(old.get("refresh_token")));
    }
    assertThat(rotatedAt(tenant)).isEqualTo(clock.instant());
    assertThat(credentials.status(tenant).status()).isEqualTo("connected");
  }

  // --- helpers ---

  private static Credentials credentials(PartnerClient partner) {
    return new Credentials(
        database.jdbi(), key, Json.mapper(), clock, Duration.ofMinutes(1), Optional.of(partner));
  }

  private static UUID connected() {
    UUID tenant = TestTenant.create(database.jdbi());
    sandbox.connect(consent, tenant);
    return tenant;
  }

  /** Both clocks: the connector's and Greenhouse's. */
  private static void advance(Duration by) {
    clock.advance(by);
    sandbox.clock().advance(by);
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

  private static Instant rotatedAt(UUID tenant) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select tokens_rotated_at from greenhouse_credentials where tenant_id = :t")
                    .bind("t", tenant)
                    .mapTo(Timestamp.class)
                    .one()
                    .toInstant());
  }

  /** The tenant's stored pair, decrypted here only to compare and to prove it never leaks. */
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
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
