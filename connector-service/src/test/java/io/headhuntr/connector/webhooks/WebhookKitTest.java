package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.users.TestTenant;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookKitTest {

  private final Jdbi jdbi = TestDatabase.shared().jdbi();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final WebhookKit kit =
      new WebhookKit(
          jdbi,
          WebhookKitConfig.of(URI.create("https://connector.example/"))
              .withClock(clock)
              .withSecretGracePeriod(Duration.ofHours(24)));
  private UUID tenant;

  @BeforeEach
  void newTenant() {
    tenant = TestTenant.create(jdbi, "hr-alerts@customer.example", null);
    kit.initTenant(tenant);
  }

  @Test
  void lists_the_guides_14_webhooks_with_labels_url_and_error_recipient() {
    WebhookSetup setup = kit.setup(tenant);

    assertThat(setup.endpointUrl())
        .matches("https://connector\\.example/webhooks/greenhouse/[A-Za-z0-9_-]{20,}");
    assertThat(setup.secretKey()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(setup.webhooks()).hasSize(14);
    assertThat(setup.webhooks())
        .extracting(WebhookSetup.Entry::when)
        .contains(
            "Candidate has been hired", "Delete Candidate", "Merged Candidate", "Job Updated");
    assertThat(setup.webhooks().get(0).name()).isEqualTo("Headhuntr.io-Candidate Hired");
    assertThat(setup.webhooks())
        .allSatisfy(
            w -> {
              assertThat(w.errorRecipientEmail()).isEqualTo("hr-alerts@customer.example");
              assertThat(w.endpointUrl()).isEqualTo(setup.endpointUrl());
              assertThat(w.status()).isEqualTo(WebhookStatus.WAITING_FOR_PING);
            });
    assertThat(setup.warnings())
        .anyMatch(w -> w.startsWith("no ping yet for: Candidate has been hired"));
  }

  @Test
  void a_tenant_keeps_its_endpoint_and_secret_across_calls_and_tenants_differ() {
    WebhookSetup first = kit.setup(tenant);
    kit.initTenant(tenant);
    assertThat(kit.setup(tenant).endpointUrl()).isEqualTo(first.endpointUrl());
    assertThat(kit.setup(tenant).secretKey()).isEqualTo(first.secretKey());

    UUID other = TestTenant.create(jdbi);
    assertThat(kit.setup(other).endpointUrl()).isNotEqualTo(first.endpointUrl());
    assertThat(kit.setup(other).secretKey()).isNotEqualTo(first.secretKey());
  }

  @Test
  void the_tenants_own_public_base_url_wins() {
    UUID own = TestTenant.create(jdbi, "a@b.example", "https://hooks.customer.example");
    assertThat(kit.setup(own).endpointUrl())
        .startsWith("https://hooks.customer.example/webhooks/greenhouse/");
  }

  @Test
  void an_endpoint_greenhouse_cannot_call_is_warned_about() {
    UUID plain = TestTenant.create(jdbi, "a@b.example", "http://hooks.customer.example");
    UUID local = TestTenant.create(jdbi, "a@b.example", "http://127.0.0.1:8080");

    assertThat(kit.setup(plain).warnings())
        .anyMatch(w -> w.startsWith("Greenhouse accepts only https"));
    assertThat(kit.setup(local).warnings())
        .noneMatch(w -> w.startsWith("Greenhouse accepts only https"));
    assertThat(kit.setup(tenant).warnings())
        .noneMatch(w -> w.startsWith("Greenhouse accepts only https"));
  }

  @Test
  void a_ping_marks_the_webhook_its_label_names_as_pinged() {
    String body =
        "{\"payload\":{\"active\":true,\"web_hook_id\":77,\"name\":\"Headhuntr.io-Job Deleted\","
            + "\"endpoint_url\":\"https:\\/\\/connector.example\\/\",\"event\":\"Job Deleted\"},"
            + "\"action\":\"ping\"}";

    assertThat(send(body)).isEqualTo(ReceiveOutcome.PING);

    WebhookSetup setup = kit.setup(tenant);
    WebhookSetup.Entry jobDeleted = entry(setup, "job_deleted");
    assertThat(jobDeleted.status()).isEqualTo(WebhookStatus.PINGED);
    assertThat(jobDeleted.pingedAt()).isEqualTo(clock.instant());
    assertThat(jobDeleted.greenhouseName()).isEqualTo("Headhuntr.io-Job Deleted");
    assertThat(jobDeleted.greenhouseWebHookId()).isEqualTo(77L);
    assertThat(entry(setup, "job_created").status()).isEqualTo(WebhookStatus.WAITING_FOR_PING);
    assertThat(setup.warnings().get(0)).doesNotContain("Job Deleted").contains("Job Created");
  }

  @Test
  void the_ping_example_from_the_docs_marks_candidate_hired() throws Exception {
    Path example = SharedExamples.file("webhook-ping.json");
    Assumptions.assumeTrue(example != null, "skipped: ../shared/greenhouse/examples not present");

    assertThat(send(Files.readString(example))).isEqualTo(ReceiveOutcome.PING);

    assertThat(entry(kit.setup(tenant), "hire_candidate").status()).isEqualTo(WebhookStatus.PINGED);
  }

  @Test
  void a_delivery_moves_its_webhook_to_delivering_and_a_failure_to_failing() {
    send("{\"action\":\"job_created\",\"payload\":{\"job\":{\"id\":1}}}");
    clock.advance(Duration.ofMinutes(5));
    send("{\"action\":\"job_created\",\"payload\":{\"job\":{\"id\":2}}}");

    WebhookSetup.Entry created = entry(kit.setup(tenant), "job_created");
    assertThat(created.status()).isEqualTo(WebhookStatus.DELIVERING);
    assertThat(created.lastDeliveryAt()).isEqualTo(clock.instant());
    assertThat(created.deliveries()).isEqualTo(2);

    clock.advance(Duration.ofMinutes(1));
    new WebhookActivity(jdbi)
        .recordFailure(tenant, "job_created", "job 2 has no name", clock.instant());
    WebhookSetup setup = kit.setup(tenant);
    assertThat(entry(setup, "job_created").status()).isEqualTo(WebhookStatus.FAILING);
    assertThat(setup.warnings())
        .anyMatch(w -> w.contains("'Job Created' is failing: job 2 has no name"));
  }

  @Test
  void an_unknown_key_is_not_found_and_a_bad_or_missing_signature_records_nothing() {
    byte[] ping =
        "{\"action\":\"ping\",\"payload\":{\"event\":\"Job Created\"}}"
            .getBytes(StandardCharsets.UTF_8);
    WebhookSetup setup = kit.setup(tenant);

    assertThat(
            kit.receive(
                "no-such-key",
                ping,
                GreenhouseSignature.header(new WebhookSecret(setup.secretKey()), ping)))
        .isEqualTo(ReceiveOutcome.UNKNOWN_ENDPOINT);
    assertThat(kit.receive(key(setup), ping, null)).isEqualTo(ReceiveOutcome.BAD_SIGNATURE);
    assertThat(
            kit.receive(
                key(setup), ping, GreenhouseSignature.header(new WebhookSecret("guess"), ping)))
        .isEqualTo(ReceiveOutcome.BAD_SIGNATURE);

    WebhookSetup after = kit.setup(tenant);
    assertThat(entry(after, "job_created").status()).isEqualTo(WebhookStatus.WAITING_FOR_PING);
    assertThat(after.lastRejectedDeliveryAt()).isEqualTo(clock.instant());
    assertThat(after.warnings()).anyMatch(w -> w.contains("wrong or missing signature"));

    Instant first = clock.instant();
    clock.advance(Duration.ofSeconds(30));
    kit.receive(key(setup), ping, null);
    assertThat(kit.setup(tenant).lastRejectedDeliveryAt()).isEqualTo(first);
    clock.advance(Duration.ofMinutes(1));
    kit.receive(key(setup), ping, null);
    assertThat(kit.setup(tenant).lastRejectedDeliveryAt()).isEqualTo(clock.instant());

    clock.advance(Duration.ofMinutes(1));
    send("{\"action\":\"ping\",\"payload\":{\"event\":\"Job Created\"}}");
    assertThat(kit.setup(tenant).warnings())
        .noneMatch(w -> w.contains("wrong or missing signature"));
  }

  @Test
  void a_secret_rotated_by_another_instance_is_picked_up_without_a_restart() throws Exception {
    WebhookSecret old = new WebhookSecret(kit.setup(tenant).secretKey());
    byte[] body = "{\"action\":\"job_updated\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);
    String endpointKey = key(kit.setup(tenant));
    // this instance has the endpoint in memory now
    assertThat(kit.receive(endpointKey, body, GreenhouseSignature.header(old, body)))
        .isEqualTo(ReceiveOutcome.DELIVERY);

    WebhookKit otherInstance =
        new WebhookKit(
            jdbi, WebhookKitConfig.of(URI.create("https://connector.example/")).withClock(clock));
    WebhookSecret fresh = new WebhookSecret(otherInstance.rotateSecret(tenant).secretKey());
    Thread.sleep(WebhookEndpoints.RELOAD_AFTER_NANOS / 1_000_000 + 100);

    assertThat(kit.receive(endpointKey, body, GreenhouseSignature.header(fresh, body)))
        .isEqualTo(ReceiveOutcome.DELIVERY);
    assertThat(kit.receive(endpointKey, body, GreenhouseSignature.header(old, body)))
        .isEqualTo(ReceiveOutcome.DELIVERY);
    assertThat(kit.receive(endpointKey, body, "sha256 " + "0".repeat(64)))
        .isEqualTo(ReceiveOutcome.BAD_SIGNATURE);
  }

  @Test
  void a_webhook_that_delivered_hourly_and_then_stopped_while_others_deliver_is_silent() {
    Deliveries deliveries = new Deliveries();
    // hires every hour and stage changes every hour, for six hours
    for (int i = 0; i < 6; i++) {
      deliveries.send("hire_candidate");
      deliveries.send("candidate_stage_change");
      clock.advance(Duration.ofHours(1));
    }
    // then only stage changes, for two days (hire_candidate's webhook was disabled in Greenhouse)
    for (int i = 0; i < 48; i++) {
      clock.advance(Duration.ofHours(1));
      deliveries.send("candidate_stage_change");
    }

    WebhookSetup setup = deliveries.kit.setup(tenant);

    assertThat(entry(setup, "hire_candidate").status()).isEqualTo(WebhookStatus.SILENT);
    assertThat(entry(setup, "candidate_stage_change").status()).isEqualTo(WebhookStatus.DELIVERING);
    assertThat(entry(setup, "candidate_stage_change").deliveriesLastHour()).isEqualTo(1);
    assertThat(entry(setup, "candidate_stage_change").deliveries()).isEqualTo(54);
    assertThat(setup.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(
                        "webhook 'Candidate has been hired' has delivered nothing for 2 days")
                    .contains("before, it delivered about every 1 hour")
                    .contains("Dev Center > Web Hooks"));
  }

  @Test
  void a_quiet_weekend_or_a_rare_webhook_is_not_called_silent() {
    Deliveries deliveries = new Deliveries();
    for (int i = 0; i < 6; i++) {
      deliveries.send("hire_candidate");
      deliveries.send("candidate_stage_change");
      clock.advance(Duration.ofHours(1));
    }
    deliveries.send("merge_candidate");
    // everything quiet for three days: the account is idle, not a webhook broken
    clock.advance(Duration.ofDays(3));
    assertThat(deliveries.kit.setup(tenant).webhooks())
        .noneMatch(e -> e.status() == WebhookStatus.SILENT);

    // stage changes resume: hires have been quiet for 3 days, but the others only just woke up
    deliveries.send("candidate_stage_change");
    clock.advance(Duration.ofHours(1));
    deliveries.send("candidate_stage_change");
    WebhookSetup setup = deliveries.kit.setup(tenant);
    assertThat(setup.webhooks()).noneMatch(e -> e.status() == WebhookStatus.SILENT);
    // one merge, then weeks of nothing: too rare to have a usual rhythm
    clock.advance(Duration.ofDays(20));
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofHours(1));
      deliveries.send("candidate_stage_change");
    }
    setup = deliveries.kit.setup(tenant);
    assertThat(entry(setup, "merge_candidate").status()).isEqualTo(WebhookStatus.DELIVERING);
    assertThat(entry(setup, "hire_candidate").status()).isEqualTo(WebhookStatus.SILENT);
  }

  /** A kit whose receiver keeps deliveries in the real inbox, and distinct signed deliveries. */
  private final class Deliveries {
    final WebhookKit kit =
        new WebhookKit(
            jdbi,
            WebhookKitConfig.of(URI.create("https://connector.example/")).withClock(clock),
            new io.headhuntr.connector.webhooks.inbox.WebhookInbox(jdbi, clock)::accept);
    private int sent;

    void send(String action) {
      WebhookSetup setup = kit.setup(tenant);
      byte[] body =
          ("{\"action\":\"" + action + "\",\"payload\":{\"n\":" + sent++ + "}}")
              .getBytes(StandardCharsets.UTF_8);
      assertThat(
              kit.receive(
                  key(setup),
                  body,
                  GreenhouseSignature.header(new WebhookSecret(setup.secretKey()), body)))
          .isEqualTo(ReceiveOutcome.DELIVERY);
    }
  }

  @Test
  void a_verified_body_that_is_not_json_is_acknowledged_as_unusable() {
    assertThat(send("not json")).isEqualTo(ReceiveOutcome.UNUSABLE);
  }

  @Test
  void a_rotated_secret_keeps_working_during_the_grace_period_and_not_after() {
    WebhookSecret old = new WebhookSecret(kit.setup(tenant).secretKey());
    byte[] body = "{\"action\":\"job_updated\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);

    WebhookSetup rotated = kit.rotateSecret(tenant);
    WebhookSecret fresh = new WebhookSecret(rotated.secretKey());
    assertThat(fresh.value()).isNotEqualTo(old.value());
    assertThat(rotated.previousSecretValidUntil())
        .isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    assertThat(rotated.endpointUrl()).isEqualTo(kit.setup(tenant).endpointUrl());

    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(kit.receive(key(rotated), body, GreenhouseSignature.header(old, body)))
        .isEqualTo(ReceiveOutcome.DELIVERY);
    assertThat(kit.receive(key(rotated), body, GreenhouseSignature.header(fresh, body)))
        .isEqualTo(ReceiveOutcome.DELIVERY);

    clock.advance(Duration.ofMinutes(1));
    assertThat(kit.receive(key(rotated), body, GreenhouseSignature.header(old, body)))
        .isEqualTo(ReceiveOutcome.BAD_SIGNATURE);
    assertThat(kit.receive(key(rotated), body, GreenhouseSignature.header(fresh, body)))
        .isEqualTo(ReceiveOutcome.DELIVERY);
    assertThat(kit.setup(tenant).previousSecretValidUntil()).isNull();
  }

  @Test
  void only_verified_deliveries_reach_the_inbox_with_their_event_id() {
    java.util.List<String> inbox = new java.util.ArrayList<>();
    WebhookKit withInbox =
        new WebhookKit(
            jdbi,
            WebhookKitConfig.of(URI.create("https://connector.example/")).withClock(clock),
            (t, eventId, raw, sniffed, at) ->
                inbox.add(
                    t + " " + eventId.orElse("-") + " " + new String(raw, StandardCharsets.UTF_8)));
    WebhookSetup setup = withInbox.setup(tenant);
    byte[] body = "{\"action\":\"job_updated\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);

    withInbox.receive(key(setup), body, "sha256 00", java.util.Optional.of("evt-0"));
    withInbox.receive(
        key(setup),
        body,
        GreenhouseSignature.header(new WebhookSecret(setup.secretKey()), body),
        java.util.Optional.of("evt-1"));

    assertThat(inbox)
        .containsExactly(tenant + " evt-1 {\"action\":\"job_updated\",\"payload\":{}}");
  }

  @Test
  void with_a_master_key_the_secret_is_stored_encrypted_and_still_verifies() throws Exception {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    WebhookKit sealed =
        new WebhookKit(
            jdbi,
            WebhookKitConfig.of(URI.create("https://connector.example/"))
                .withClock(clock)
                .withSecretCipher(new com.google.crypto.tink.subtle.AesGcmJce(key)));
    UUID own = TestTenant.create(jdbi);
    WebhookSetup setup = sealed.setup(own);
    sealed.rotateSecret(own);
    WebhookSetup rotated = sealed.setup(own);

    java.util.List<String> stored =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select secret || ' ' || previous_secret from webhook_endpoints where tenant_id = :t")
                    .bind("t", own)
                    .mapTo(String.class)
                    .list());
    assertThat(stored.get(0))
        .startsWith("aead:")
        .doesNotContain(setup.secretKey())
        .doesNotContain(rotated.secretKey());
    byte[] body = "{\"action\":\"job_updated\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            sealed.receive(
                key(rotated),
                body,
                GreenhouseSignature.header(new WebhookSecret(setup.secretKey()), body)))
        .isEqualTo(ReceiveOutcome.DELIVERY);
    assertThat(
            sealed.receive(
                key(rotated),
                body,
                GreenhouseSignature.header(new WebhookSecret(rotated.secretKey()), body)))
        .isEqualTo(ReceiveOutcome.DELIVERY);
  }

  @Test
  void a_burst_of_one_action_is_counted_in_full_with_few_writes() {
    WebhookSetup setup = kit.setup(tenant);
    WebhookSecret secret = new WebhookSecret(setup.secretKey());
    for (int i = 0; i < 3; i++) {
      byte[] body =
          ("{\"payload\":{\"application\":{\"id\":" + i + "}},\"action\":\"reject_candidate\"}")
              .getBytes(StandardCharsets.UTF_8);
      assertThat(kit.receive(key(setup), body, GreenhouseSignature.header(secret, body)))
          .isEqualTo(ReceiveOutcome.DELIVERY);
    }
    long written =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select deliveries from webhook_activity where tenant_id = :t and action = 'reject_candidate'")
                    .bind("t", tenant)
                    .mapTo(Long.class)
                    .one());
    assertThat(written).as("only the first of a burst is written at once").isEqualTo(1);

    WebhookSetup.Entry rejected = entry(kit.setup(tenant), "reject_candidate");
    assertThat(rejected.deliveries()).isEqualTo(3);
    assertThat(rejected.status()).isEqualTo(WebhookStatus.DELIVERING);
  }

  @Test
  void a_delivery_the_inbox_already_holds_is_acknowledged_and_not_counted_again() {
    WebhookKit duplicates =
        new WebhookKit(
            jdbi,
            WebhookKitConfig.of(URI.create("https://connector.example/")).withClock(clock),
            (t, eventId, raw, sniffed, at) -> false);
    WebhookSetup setup = duplicates.setup(tenant);
    byte[] body = "{\"action\":\"job_updated\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(
            duplicates.receive(
                key(setup),
                body,
                GreenhouseSignature.header(new WebhookSecret(setup.secretKey()), body),
                java.util.Optional.of("evt-1")))
        .isEqualTo(ReceiveOutcome.DUPLICATE);
    assertThat(entry(duplicates.setup(tenant), "job_updated").deliveries()).isZero();
  }

  private ReceiveOutcome send(String body) {
    WebhookSetup setup = kit.setup(tenant);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return kit.receive(
        key(setup), bytes, GreenhouseSignature.header(new WebhookSecret(setup.secretKey()), bytes));
  }

  private static String key(WebhookSetup setup) {
    return setup.endpointUrl().substring(setup.endpointUrl().lastIndexOf('/') + 1);
  }

  private static WebhookSetup.Entry entry(WebhookSetup setup, String action) {
    return setup.webhooks().stream()
        .filter(w -> w.action().equals(action))
        .findFirst()
        .orElseThrow();
  }
}
