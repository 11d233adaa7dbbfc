package io.headhuntr.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** 15 hours of Greenhouse retries in about 0.9 s. */
  private static final double FAST = 60_000;

  private Receiver receiver;
  private WebhookHub hub;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver();
  }

  @AfterEach
  void stop() {
    if (hub != null) {
      hub.close();
    }
    receiver.close();
  }

  private WebhookHub hub(double timeScale) {
    hub =
        new WebhookHub(
            WebhookHubConfig.defaults()
                .withTimeScale(timeScale)
                .withDeliveryTimeout(Duration.ofSeconds(5)));
    return hub;
  }

  private static ObjectNode candidatePayload(String title) {
    ObjectNode payload = JSON.createObjectNode();
    payload
        .putObject("candidate")
        .put("id", 4280249007L)
        .put("title", title)
        .put("first_name", "Zoë");
    return payload;
  }

  @Test
  void delivers_the_documented_envelope_signed_over_the_exact_bytes_sent() throws Exception {
    hub(FAST)
        .register(
            "Updated", "Candidate or Prospect updated", receiver.url(), "tenant-secret", "a@b.c");

    hub.publish("update_candidate", candidatePayload("<b>Lead</b> R&D / Ops"));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.receivedWithAction("update_candidate").size() == 1);
    Receiver.Received got = receiver.receivedWithAction("update_candidate").get(0);
    assertThat(got.header("Signature"))
        .isEqualTo("sha256 " + Hmac.sha256Hex("tenant-secret", got.body()));
    assertThat(got.header("Content-Type")).isEqualTo("application/json");
    assertThat(got.header("User-Agent")).isNotBlank();
    assertThat(got.header("Greenhouse-Event-ID")).isNotBlank();
    assertThat(got.text())
        .startsWith("{\"action\":\"update_candidate\",\"payload\":{")
        .contains("\\u003cb\\u003eLead\\u003c\\/b\\u003e R\\u0026D \\/ Ops", "Zo\\u00eb")
        .doesNotContain("<", ">", "&", "ë");
    JsonNode parsed = JSON.readTree(got.body());
    assertThat(parsed.at("/payload/candidate/title").asText()).isEqualTo("<b>Lead</b> R&D / Ops");
    // re-serialising the parsed JSON the usual way gives other bytes: receivers must verify the raw
    // body
    assertThat(Hmac.sha256Hex("tenant-secret", JSON.writeValueAsBytes(parsed)))
        .isNotEqualTo(Hmac.sha256Hex("tenant-secret", got.body()));
  }

  @Test
  void only_active_webhooks_for_that_action_receive_it() throws Exception {
    hub(FAST).register("Jobs", "Job Created", receiver.url(), "k", "a@b.c");
    receiver.answering(r -> 500);
    hub.register("Broken", "Candidate or Prospect updated", receiver.url(), "k", "a@b.c");
    receiver.answering(r -> 200);
    Webhook updates =
        hub.register("Updates", "Candidate or Prospect updated", receiver.url(), "k2", "a@b.c");

    hub.publish("update_candidate", candidatePayload("x"));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.receivedWithAction("update_candidate").size() == 1);
    assertThat(receiver.receivedWithAction("update_candidate").get(0).header("Signature"))
        .isEqualTo(
            "sha256 "
                + Hmac.sha256Hex(
                    "k2", receiver.receivedWithAction("update_candidate").get(0).body()));
    assertThat(hub.deliveries().stream().filter(d -> d.action().equals("update_candidate")))
        .singleElement()
        .satisfies(d -> assertThat(d.webhook().id()).isEqualTo(updates.id()));
  }

  @Test
  void retries_seven_times_on_the_documented_schedule_with_one_event_id_then_notifies()
      throws Exception {
    hub(FAST)
        .register("Hired", "Candidate has been hired", receiver.url(), "k", "ats@headhuntr.io");
    receiver.answering(r -> r.text().contains("\"ping\"") ? 200 : 500);

    hub.publish("hire_candidate", candidatePayload("x"));

    await().atMost(Duration.ofSeconds(20)).until(() -> hub.notices().size() == 1);
    List<Receiver.Received> attempts = receiver.receivedWithAction("hire_candidate");
    assertThat(attempts).hasSize(7);
    assertThat(attempts.stream().map(r -> r.header("Greenhouse-Event-ID")).distinct()).hasSize(1);
    assertThat(attempts.stream().map(r -> new String(r.body())).distinct()).hasSize(1);
    Delivery delivery =
        hub.deliveries().stream()
            .filter(d -> d.action().equals("hire_candidate"))
            .findFirst()
            .orElseThrow();
    assertThat(delivery.state()).isEqualTo(Delivery.State.FAILED);
    assertThat(
            delivery.attempts().stream().map(a -> a.retryIn().map(Duration::toMinutes).orElse(-1L)))
        .containsExactly(1L, 15L, 60L, 120L, 240L, 480L, -1L);
    // scaled: the last wait (480 min / 60,000 = 480 ms) is the longest and really waited
    Duration lastGap = Duration.between(attempts.get(5).at(), attempts.get(6).at());
    Duration firstGap = Duration.between(attempts.get(0).at(), attempts.get(1).at());
    assertThat(lastGap).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isGreaterThan(firstGap);
    assertThat(hub.notices().get(0).recipient()).isEqualTo("ats@headhuntr.io");
    assertThat(hub.notices().get(0).reason()).contains("7 attempts");
  }

  @Test
  void a_201_is_a_failure_and_is_retried_to_the_end() throws Exception {
    hub(FAST).register("Job", "Job Created", receiver.url(), "k", "a@b.c");
    receiver.answering(r -> r.text().contains("\"ping\"") ? 200 : 201);

    hub.publish(
        "job_created", JSON.createObjectNode().set("job", JSON.createObjectNode().put("id", 1)));

    await().atMost(Duration.ofSeconds(20)).until(() -> hub.notices().size() == 1);
    assertThat(receiver.receivedWithAction("job_created")).hasSize(7);
  }

  @Test
  void a_200_stops_the_retries() throws Exception {
    hub(FAST).register("Job", "Job Created", receiver.url(), "k", "a@b.c");
    AtomicInteger calls = new AtomicInteger();
    receiver.answering(
        r -> r.text().contains("\"ping\"") || calls.incrementAndGet() > 2 ? 200 : 503);

    hub.publish(
        "job_created", JSON.createObjectNode().set("job", JSON.createObjectNode().put("id", 1)));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                hub.deliveries().stream()
                    .anyMatch(
                        d ->
                            d.action().equals("job_created")
                                && d.state() == Delivery.State.DELIVERED));
    // the next retry would come 15 ms later (15 min scaled): for 300 ms nothing more arrives
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> receiver.receivedWithAction("job_created").size() == 3);
    assertThat(hub.notices()).isEmpty();
  }

  @Test
  void a_receiver_that_does_not_answer_in_time_is_a_failure_and_is_retried() throws Exception {
    hub =
        new WebhookHub(
            WebhookHubConfig.defaults()
                .withTimeScale(FAST)
                .withDeliveryTimeout(Duration.ofMillis(300)));
    hub.register("Job", "Job Created", receiver.url(), "k", "a@b.c");
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    receiver.answering(
        r -> {
          if (calls.incrementAndGet() == 1) {
            try {
              never.await(3, TimeUnit.SECONDS); // holds the first delivery past the hub's timeout
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return 200;
        });

    hub.publish(
        "job_created", JSON.createObjectNode().set("job", JSON.createObjectNode().put("id", 1)));

    Delivery delivery =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    hub.deliveries().stream()
                        .filter(d -> d.action().equals("job_created"))
                        .findFirst(),
                d -> d.isPresent() && d.get().state() == Delivery.State.DELIVERED)
            .orElseThrow();
    never.countDown();
    assertThat(delivery.attempts()).hasSize(2);
    assertThat(delivery.attempts().get(0).statusCode()).isEmpty();
    assertThat(delivery.attempts().get(0).error())
        .hasValueSatisfying(e -> assertThat(e).contains("Timeout"));
    assertThat(delivery.attempts().get(1).succeeded()).isTrue();
  }

  @Test
  void the_delivery_log_filters_by_action_webhook_and_status_over_http() throws Exception {
    hub(FAST);
    Webhook jobs = hub.register("Jobs", "Job Created", receiver.url(), "k", "a@b.c");
    hub.register("Posts", "Job Post Created", receiver.url(), "k", "a@b.c");
    hub.publish(
        "job_created", JSON.createObjectNode().set("job", JSON.createObjectNode().put("id", 1)));
    hub.publish("job_post_created", JSON.createObjectNode().put("id", 2));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> hub.deliveries().stream().allMatch(d -> d.state() == Delivery.State.DELIVERED));

    try (AdminApp admin = new AdminApp(hub)) {
      JsonNode byAction = admin.send("GET", "/sandbox/deliveries?action=job_created", null).body();
      JsonNode byHook =
          admin.send("GET", "/sandbox/deliveries?webhook_id=" + jobs.id(), null).body();
      JsonNode pending = admin.send("GET", "/sandbox/deliveries?status=pending", null).body();

      assertThat(byAction)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.get("status").asText()).isEqualTo("delivered");
                assertThat(d.get("attempts").get(0).get("status_code").asInt()).isEqualTo(200);
                assertThat(d.get("next_attempt_at").isNull()).isTrue();
                assertThat(d.get("body").asText()).startsWith("{\"action\":\"job_created\"");
              });
      assertThat(byHook).hasSize(2); // its ping and its event
      assertThat(pending).isEmpty();
    }
  }

  @Test
  void disabling_or_deleting_a_webhook_cancels_its_waiting_retries() throws Exception {
    hub(1.0);
    Webhook disabled = hub.register("A", "Job Created", receiver.url(), "k", "a@b.c");
    Webhook deleted = hub.register("B", "Job Created", receiver.url(), "k", "a@b.c");
    receiver.answering(r -> 500);
    hub.publish(
        "job_created", JSON.createObjectNode().set("job", JSON.createObjectNode().put("id", 1)));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                hub.deliveries().stream()
                    .filter(d -> d.action().equals("job_created"))
                    .allMatch(d -> d.attempts().size() == 1 && d.nextAttemptAt().isPresent()));

    try (AdminApp admin = new AdminApp(hub)) {
      assertThat(
              admin
                  .send("PATCH", "/sandbox/webhooks/" + disabled.id(), "{\"active\": false}")
                  .status())
          .isEqualTo(200);
      assertThat(admin.send("DELETE", "/sandbox/webhooks/" + deleted.id(), null).status())
          .isEqualTo(204);
      assertThat(admin.send("DELETE", "/sandbox/webhooks/" + deleted.id(), null).status())
          .isEqualTo(404);
    }
    hub.retryPendingNow();

    assertThat(hub.deliveries().stream().filter(d -> d.action().equals("job_created")))
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.state()).isEqualTo(Delivery.State.CANCELLED));
    assertThat(receiver.receivedWithAction("job_created")).hasSize(2);
    assertThat(hub.webhooks()).extracting(Webhook::id).containsExactly(disabled.id());
  }

  @Test
  void a_merge_reaches_delete_webhooks_as_a_delete_when_no_merge_webhook_is_active()
      throws Exception {
    hub(FAST).register("Deleted", "Delete Candidate", receiver.url(), "k", "a@b.c");
    FixtureStore store = new FixtureStore();

    hub.publish("merge_candidate", new WebhookPayloads(store).mergedPerson(store.candidate(), 99L));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.receivedWithAction("delete_candidate").size() == 1);
    JsonNode person =
        JSON.readTree(receiver.receivedWithAction("delete_candidate").get(0).body())
            .at("/payload/person");
    assertThat(person.get("id").asLong()).isEqualTo(5310000001L);
    assertThat(person.has("new_candidate_id")).isFalse();
    assertThat(person.get("deleted_application_ids")).isEmpty();
  }

  @Test
  void with_a_merge_webhook_active_a_merge_is_only_a_merge() throws Exception {
    hub(FAST).register("Deleted", "Delete Candidate", receiver.url(), "k", "a@b.c");
    hub.register("Merged", "Merged Candidate", receiver.url(), "k", "a@b.c");
    FixtureStore store = new FixtureStore();

    hub.publish("merge_candidate", new WebhookPayloads(store).mergedPerson(store.candidate(), 99L));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.receivedWithAction("merge_candidate").size() == 1);
    assertThat(receiver.receivedWithAction("delete_candidate")).isEmpty();
    assertThat(
            JSON.readTree(receiver.receivedWithAction("merge_candidate").get(0).body())
                .at("/payload/person/new_candidate_id")
                .asLong())
        .isEqualTo(99L);
  }

  @Test
  void event_ids_are_unique_across_events() throws Exception {
    hub(FAST).register("Job", "Job Updated", receiver.url(), "k", "a@b.c");

    for (int i = 0; i < 20; i++) {
      hub.publish(
          "job_updated", JSON.createObjectNode().set("job", JSON.createObjectNode().put("id", i)));
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.receivedWithAction("job_updated").size() == 20);
    Set<String> ids = new HashSet<>();
    receiver
        .receivedWithAction("job_updated")
        .forEach(r -> ids.add(r.header("Greenhouse-Event-ID")));
    assertThat(ids).hasSize(20);
  }

  @Test
  void a_bulk_of_500_events_is_delivered_concurrently_and_all_arrive() throws Exception {
    hub(FAST).register("Rejected", "Candidate or Prospect rejected", receiver.url(), "k", "a@b.c");
    CountDownLatch tenInFlight = new CountDownLatch(10);
    AtomicBoolean sawTenAtOnce = new AtomicBoolean();
    receiver.answering(
        r -> {
          if (r.text().contains("\"ping\"")) {
            return 200;
          }
          tenInFlight.countDown();
          try {
            // holds each request until ten are open at once; sequential delivery would never get
            // there
            if (tenInFlight.await(3, TimeUnit.SECONDS)) {
              sawTenAtOnce.set(true);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return 200;
        });

    IntStream.range(0, 500)
        .forEach(
            i ->
                hub.publish(
                    "reject_candidate",
                    JSON.createObjectNode()
                        .set("application", JSON.createObjectNode().put("id", i))));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> receiver.receivedWithAction("reject_candidate").size() >= 500);
    Set<Integer> ids = new HashSet<>();
    for (Receiver.Received r : receiver.receivedWithAction("reject_candidate")) {
      ids.add(JSON.readTree(r.body()).at("/payload/application/id").asInt());
      assertThat(r.header("Signature")).isEqualTo("sha256 " + Hmac.sha256Hex("k", r.body()));
    }
    assertThat(ids).hasSize(500);
    assertThat(sawTenAtOnce).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                hub.deliveries().stream().filter(d -> d.state() == Delivery.State.DELIVERED).count()
                    == 501);
  }

  @Test
  void retry_pending_now_runs_a_waiting_retry_without_waiting_for_its_time() throws Exception {
    hub(1.0).register("Job", "Job Created", receiver.url(), "k", "a@b.c");
    receiver.answering(r -> r.text().contains("\"ping\"") ? 200 : 500);
    hub.publish(
        "job_created", JSON.createObjectNode().set("job", JSON.createObjectNode().put("id", 1)));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.receivedWithAction("job_created").size() == 1);
    Delivery waiting =
        hub.deliveries().stream()
            .filter(d -> d.action().equals("job_created"))
            .findFirst()
            .orElseThrow();
    await().atMost(Duration.ofSeconds(5)).until(() -> waiting.attempts().size() == 1);
    assertThat(waiting.state()).isEqualTo(Delivery.State.PENDING);
    assertThat(waiting.nextAttemptAt()).isPresent();
    receiver.answering(r -> 200);

    hub.retryPendingNow();

    await().atMost(Duration.ofSeconds(5)).until(() -> waiting.state() == Delivery.State.DELIVERED);
    assertThat(receiver.receivedWithAction("job_created")).hasSize(2);
  }
}
