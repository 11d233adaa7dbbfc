package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.bench.ConnectorClient;
import io.headhuntr.connector.bench.ConnectorClient.WebhookTenant;
import io.headhuntr.connector.bench.ConnectorProcess;
import io.headhuntr.connector.bench.DeliverySender;
import io.headhuntr.connector.bench.SignedDelivery;
import io.headhuntr.connector.bench.WebhookBodies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake survives a SIGKILL of the connector in the middle of a burst of deliveries: after a
 * restart on the same data directory, every delivery that got its 200 is applied exactly once, and
 * Greenhouse's retries of the unanswered ones (and of some answered ones) are applied once too.
 * Each delivery is an {@code application_updated} of its own application: applying one emits one
 * {@code application_updated} event, and applying it again would emit a second one.
 */
// child processes: a hung child fails the test instead of hanging the build
@Timeout(
    value = 4,
    unit = java.util.concurrent.TimeUnit.MINUTES,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IntakeDurabilityTest {
  private static final int BURST = 1_500;
  private static final int KILL_AFTER_ACKS = 300;
  private static final Duration STARTUP = Duration.ofSeconds(90);

  @TempDir Path dataDir;
  private final List<ConnectorProcess> children = new ArrayList<>();

  @AfterEach
  void stopChildren() throws Exception {
    for (ConnectorProcess child : children) {
      child.close();
    }
    ConnectorProcess.stopLeftOverPostgres(dataDir); // only left when the test failed mid-way
  }

  @Test
  void every_acknowledged_delivery_is_applied_exactly_once_after_a_sigkill_mid_burst()
      throws Exception {
    String admin = "ghc_admin_durability_" + UUID.randomUUID();
    ConnectorProcess first = start(admin, "first");
    ConnectorClient api = new ConnectorClient(first.baseUrl());
    WebhookTenant tenant = api.createWebhookTenant(admin, "Durability");
    assumeIntakeIsWired(api, tenant);

    WebhookBodies bodies = new WebhookBodies(30_000_000L);
    List<SignedDelivery> burst = new ArrayList<>();
    for (int n = 0; n < BURST; n++) {
      burst.add(
          SignedDelivery.sign("evt-" + n, bodies.body("application_updated", n), tenant.secret()));
    }
    AtomicBoolean killed = new AtomicBoolean();
    DeliverySender.Sent sent =
        new DeliverySender(tenant.endpoint(), 8, Duration.ofSeconds(20))
            .send(
                burst,
                true,
                acks -> {
                  if (acks >= KILL_AFTER_ACKS && killed.compareAndSet(false, true)) {
                    first.kill();
                  }
                });
    assertThat(killed).as("the child was killed mid-burst").isTrue();
    assertThat(first.awaitExit(Duration.ofSeconds(30))).isTrue();
    List<Integer> acked = indexes(sent, true);
    List<Integer> unanswered = indexes(sent, false);
    assertThat(acked).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
    assertThat(unanswered).as("the kill cut the burst short").isNotEmpty();

    System.out.printf(
        "intake-durability: %d of %d deliveries acknowledged before the SIGKILL, %d unanswered%n",
        acked.size(), BURST, unanswered.size());

    ConnectorProcess second = start(admin, "second");
    WebhookTenant again =
        new WebhookTenant(
            tenant.tenantId(),
            tenant.token(),
            second.baseUrl().resolve(tenant.endpoint().getPath()),
            tenant.secret());
    ConnectorClient restarted = new ConnectorClient(second.baseUrl());
    // the claims the killed worker held are revived once their heartbeat is stale (30 s)
    awaitDrained(restarted, again, acked.size());
    assertAppliedOnce(restarted.events(again), bodies, acked, List.of());

    // Greenhouse retries what got no 200; a retry of an answered delivery is a duplicate
    List<SignedDelivery> retries = new ArrayList<>();
    unanswered.forEach(i -> retries.add(burst.get(i)));
    acked.subList(0, 50).forEach(i -> retries.add(burst.get(i)));
    DeliverySender.Sent retried =
        new DeliverySender(again.endpoint(), 8, Duration.ofSeconds(20))
            .send(retries, false, acks -> {});
    assertThat(retried.acknowledged()).isEqualTo(retries.size());
    awaitDrained(restarted, again, BURST);
    assertAppliedOnce(restarted.events(again), bodies, acked, unanswered);
    assertThat(restarted.inboxStates(again)).containsEntry("done", (long) BURST);
  }

  private ConnectorProcess start(String admin, String name) throws Exception {
    ConnectorProcess child = ConnectorProcess.start(dataDir, admin, name, STARTUP);
    children.add(child);
    return child;
  }

  /** Before the wiring of the intake lands, the receiver keeps nothing: say so, never pass. */
  private static void assumeIntakeIsWired(ConnectorClient api, WebhookTenant tenant) {
    ConnectorClient.Answer inbox =
        api.call(
            "GET",
            "/api/v1/tenants/" + tenant.tenantId() + "/webhooks/inbox",
            tenant.token(),
            null);
    Assumptions.assumeTrue(
        inbox.status() == 200,
        "skipped: the service does not serve GET .../webhooks/inbox (answered "
            + inbox.status()
            + "): the durable inbox and its worker are not wired into App/Workers yet");
  }

  private static void awaitDrained(ConnectorClient api, WebhookTenant tenant, int atLeast) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              Map<String, Long> states = api.inboxStates(tenant);
              assertThat(states.getOrDefault("ready", 0L) + states.getOrDefault("running", 0L))
                  .as("waiting: %s", states)
                  .isZero();
              assertThat(states.getOrDefault("done", 0L)).isGreaterThanOrEqualTo(atLeast);
            });
  }

  /**
   * Every {@code mustHave} delivery shows exactly one event; no application has two; the {@code
   * mayHave} ones (no 200 yet: they may or may not have been stored) have at most one.
   */
  private static void assertAppliedOnce(
      List<JsonNode> events, WebhookBodies bodies, List<Integer> acked, List<Integer> retried) {
    Map<Long, Integer> perApplication = new TreeMap<>();
    for (JsonNode event : events) {
      if (event.path("type").asText().equals("application_updated")) {
        perApplication.merge(event.path("application_id").asLong(), 1, Integer::sum);
      }
    }
    assertThat(perApplication.values()).as("an application applied twice").allMatch(c -> c == 1);
    List<Long> missing = new ArrayList<>();
    for (List<Integer> group : List.of(acked, retried)) {
      for (int i : group) {
        if (!perApplication.containsKey(bodies.applicationId(i))) {
          missing.add(bodies.applicationId(i));
        }
      }
    }
    assertThat(missing).as("acknowledged deliveries never applied").isEmpty();
  }

  private static List<Integer> indexes(DeliverySender.Sent sent, boolean acknowledged) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < sent.status().length; i++) {
      if ((sent.status()[i] == 200) == acknowledged) {
        list.add(i);
      }
    }
    return list;
  }
}
