package io.headhuntr.connector.webhooks.inbox;

import static io.headhuntr.connector.webhooks.inbox.Deliveries.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookInboxTest {
  private final UUID tenant = UUID.randomUUID();
  private final TestClock clock = new TestClock();
  private final WebhookInbox inbox = new WebhookInbox(Deliveries.jdbi(), clock);

  @AfterEach
  void clear() {
    Deliveries.clearUnfinished(tenant);
  }

  @Test
  void stores_a_repeated_event_id_once_and_tells_the_caller() {
    byte[] body =
        bytes("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"id\":1,\"name\":\"A\"}}}");

    assertThat(inbox.accept(tenant, Optional.of("evt-1"), body, clock.instant())).isTrue();
    assertThat(inbox.accept(tenant, Optional.of("evt-1"), body, clock.instant())).isFalse();
    // same id, different bytes (a Greenhouse retry is byte-identical, but the id is the key)
    assertThat(inbox.accept(tenant, Optional.of("evt-1"), bytes("{}"), clock.instant())).isFalse();

    assertThat(Deliveries.count(tenant, "ready")).isEqualTo(1);
  }

  @Test
  void the_same_event_id_in_another_tenant_is_another_delivery() {
    byte[] body = bytes("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"id\":1}}}");
    UUID other = UUID.randomUUID();
    try {
      assertThat(inbox.accept(tenant, Optional.of("evt-2"), body, clock.instant())).isTrue();
      assertThat(inbox.accept(other, Optional.of("evt-2"), body, clock.instant())).isTrue();
    } finally {
      Deliveries.clearUnfinished(other);
    }
  }

  @Test
  void a_captured_delivery_resent_under_a_new_event_id_is_stored_once() {
    byte[] body =
        bytes("{\"action\":\"hire_candidate\",\"payload\":{\"application\":{\"id\":41}}}");

    assertThat(inbox.accept(tenant, Optional.of("evt-a"), body, clock.instant())).isTrue();
    assertThat(inbox.accept(tenant, Optional.of("evt-b-replayed"), body.clone(), clock.instant()))
        .as("the same body under another event id is a replay")
        .isFalse();
    byte[] ping = bytes("{\"action\":\"ping\",\"payload\":{\"event\":\"Hired\"}}");
    assertThat(inbox.accept(tenant, Optional.of("p1"), ping, clock.instant())).isTrue();
    assertThat(inbox.accept(tenant, Optional.of("p2"), ping, clock.instant()))
        .as("a ping repeats its body on purpose: each is kept")
        .isTrue();

    assertThat(Deliveries.count(tenant, "ready")).isEqualTo(3);
  }

  @Test
  void without_an_event_id_deduplicates_by_the_body_hash() {
    byte[] first = bytes("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"id\":7}}}");
    byte[] second = bytes("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"id\":8}}}");

    assertThat(inbox.accept(tenant, Optional.empty(), first, clock.instant())).isTrue();
    assertThat(inbox.accept(tenant, Optional.empty(), first.clone(), clock.instant())).isFalse();
    assertThat(inbox.accept(tenant, Optional.of("  "), first, clock.instant())).isFalse();
    assertThat(inbox.accept(tenant, Optional.empty(), second, clock.instant())).isTrue();

    assertThat(Deliveries.count(tenant, "ready")).isEqualTo(2);
  }

  @Test
  void keeps_a_body_that_is_not_json_and_parks_it_with_the_reason() {
    assertThat(inbox.accept(tenant, Optional.of("x1"), bytes("hello <p>"), clock.instant()))
        .isTrue();

    List<InboxEntry> parked = inbox.parked(tenant, 0, 10);
    assertThat(parked)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.parkReason()).isEqualTo("the body is not JSON");
              assertThat(e.action()).isNull();
              assertThat(e.eventId()).isEqualTo("x1");
              assertThat(e.bodyBytes()).isEqualTo(9);
            });
  }

  @Test
  void parks_truncated_json_and_json_without_an_action() {
    inbox.accept(
        tenant, Optional.of("t1"), bytes("{\"action\":\"ping\",\"payload\":{"), clock.instant());
    inbox.accept(
        tenant, Optional.of("t2"), bytes("{\"payload\":{\"action\":\"ping\"}}"), clock.instant());
    inbox.accept(tenant, Optional.of("t3"), bytes("{\"action\":42}"), clock.instant());

    assertThat(inbox.parked(tenant, 0, 10))
        .extracting(InboxEntry::eventId, InboxEntry::parkReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("t1", "the body is not JSON"),
            org.assertj.core.groups.Tuple.tuple("t2", "the body has no \"action\""),
            org.assertj.core.groups.Tuple.tuple("t3", "the body has no \"action\""));
  }

  @Test
  void the_summary_counts_rows_per_state_and_per_action_the_recent_ones_and_the_latest() {
    java.time.Instant early = clock.instant();
    inbox.accept(tenant, Optional.of("s1"), bytes("{\"action\":\"job_deleted\",\"n\":1}"), early);
    inbox.accept(tenant, Optional.of("s2"), bytes("{\"action\":\"offer_created\"}"), early);
    clock.advance(java.time.Duration.ofHours(2));
    java.time.Instant later = clock.instant();
    inbox.accept(tenant, Optional.of("s3"), bytes("{\"action\":\"job_deleted\",\"n\":3}"), later);
    inbox.accept(tenant, Optional.of("s4"), bytes("not json"), later);

    InboxSummary summary = inbox.summary(tenant, later.minus(java.time.Duration.ofHours(1)));

    // job_deleted is ready twice, offer_created ignored (unknown), the body that is not JSON parked
    assertThat(summary.states())
        .containsExactly(Map.entry("ignored", 1L), Map.entry("parked", 1L), Map.entry("ready", 2L));
    assertThat(summary.actions())
        .containsExactly(
            new InboxSummary.ActionActivity("(none)", 1, later),
            new InboxSummary.ActionActivity("job_deleted", 1, later),
            new InboxSummary.ActionActivity("offer_created", 0, early));
  }

  @Test
  void keeps_an_unknown_action_marked_ignored() {
    inbox.accept(
        tenant,
        Optional.of("u1"),
        bytes("{\"payload\":{},\"action\":\"offer_created\"}"),
        clock.instant());

    assertThat(Deliveries.count(tenant, "ignored")).isEqualTo(1);
    assertThat(Deliveries.count(tenant, "ready")).isZero();
    long id = inbox.parked(tenant, 0, 10).isEmpty() ? lastId() : -1;
    assertThat(inbox.find(tenant, id).orElseThrow())
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("offer_created");
              assertThat(e.outcome()).isEqualTo("ignored: unknown action offer_created");
            });
  }

  @Test
  void reads_the_action_wherever_it_is_in_the_object() {
    inbox.accept(
        tenant,
        Optional.of("p1"),
        bytes("{\"payload\":{\"action\":\"nested\",\"list\":[{\"a\":1}]},\"action\":\"ping\"}"),
        clock.instant());

    assertThat(inbox.find(tenant, lastId()).orElseThrow().action()).isEqualTo("ping");
  }

  @Test
  void replay_only_applies_to_parked_deliveries_of_the_tenant() {
    inbox.accept(tenant, Optional.of("r1"), bytes("not json"), clock.instant());
    long id = inbox.parked(tenant, 0, 10).get(0).inboxId();

    assertThat(inbox.replay(UUID.randomUUID(), id)).isFalse();
    assertThat(inbox.replay(tenant, id)).isTrue();
    assertThat(inbox.find(tenant, id).orElseThrow().state()).isEqualTo("ready");
    assertThat(inbox.replay(tenant, id)).isFalse();
  }

  @Test
  void forgetting_old_bodies_keeps_the_dedupe_and_the_outcome() {
    byte[] body = bytes("{\"action\":\"offer_created\",\"payload\":{\"email\":\"x@example.com\"}}");
    inbox.accept(tenant, Optional.of("old-1"), body, clock.instant());
    long id = lastId();

    inbox.forgetBodies(clock.instant());
    assertThat(inbox.find(tenant, id).orElseThrow().bodyBytes())
        .as("not older than the cutoff")
        .isEqualTo(body.length);
    assertThat(inbox.forgetBodies(clock.instant().plusSeconds(1))).isGreaterThanOrEqualTo(1);

    InboxEntry entry = inbox.find(tenant, id).orElseThrow();
    assertThat(entry.bodyBytes()).isZero();
    assertThat(entry.outcome()).isEqualTo("ignored: unknown action offer_created");
    assertThat(inbox.accept(tenant, Optional.of("old-1"), body, clock.instant())).isFalse();
  }

  private long lastId() {
    return Deliveries.jdbi()
        .withHandle(
            h ->
                h.createQuery("select max(inbox_id) from webhook_inbox where tenant_id = :t")
                    .bind("t", tenant)
                    .mapTo(Long.class)
                    .one());
  }
}
