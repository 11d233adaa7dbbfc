package io.headhuntr.connector.webhooks.inbox;

import static io.headhuntr.connector.webhooks.inbox.Deliveries.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.connector.webhooks.DeliveryBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement path's group commit: many requests at once share inserts, each learns whether
 * its own delivery was new, and a delivery the database refuses fails alone.
 */
class InboxWriterTest {
  private final UUID tenant = UUID.randomUUID();
  private final TestClock clock = new TestClock();
  private final WebhookInbox inbox = new WebhookInbox(Deliveries.jdbi(), clock);
  private final AtomicInteger wakeUps = new AtomicInteger();
  private final InboxWriter writer =
      new InboxWriter(inbox, wakeUps::incrementAndGet, 64, Duration.ofSeconds(10));

  @AfterEach
  void clear() {
    writer.close();
    Deliveries.clearUnfinished(tenant);
  }

  private boolean accept(String eventId, byte[] body) {
    return writer.accept(
        tenant, Optional.of(eventId), body, DeliveryBody.sniff(body), clock.instant());
  }

  @Test
  void concurrent_requests_are_each_stored_once_and_each_told_whether_theirs_was_new()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      // 400 distinct events, each sent twice at the same time (a Greenhouse retry racing)
      for (int i = 0; i < 800; i++) {
        String id = "evt-" + (i % 400);
        byte[] body =
            bytes("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"id\":" + i + "}}}");
        answers.add(pool.submit(() -> accept(id, body)));
      }
      int fresh = 0;
      for (Future<Boolean> answer : answers) {
        fresh += answer.get() ? 1 : 0;
      }
      assertThat(fresh).isEqualTo(400);
      assertThat(Deliveries.count(tenant, "ready")).isEqualTo(400);
      assertThat(wakeUps.get()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_delivery_the_database_refuses_fails_alone_and_the_others_are_stored() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> good = new ArrayList<>();
      byte[] body = bytes("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"id\":1}}}");
      // PostgreSQL text cannot hold NUL: this event id makes its insert fail
      Future<Boolean> refused = pool.submit(() -> accept("bad\u0000id", body));
      for (int i = 0; i < 20; i++) {
        String id = "ok-" + i;
        byte[] own =
            bytes("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"id\":" + (i + 2) + "}}}");
        good.add(pool.submit(() -> accept(id, own)));
      }
      for (Future<Boolean> answer : good) {
        assertThat(answer.get()).isTrue();
      }
      assertThatThrownBy(refused::get).hasRootCauseInstanceOf(java.sql.SQLException.class);
      assertThat(Deliveries.count(tenant, "ready")).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unusable_and_unknown_bodies_keep_the_state_the_receiver_read() {
    assertThat(accept("u1", bytes("not json"))).isTrue();
    assertThat(accept("u2", bytes("{\"action\":\"brand_new_action\",\"payload\":{}}"))).isTrue();

    assertThat(Deliveries.count(tenant, "parked")).isEqualTo(1);
    assertThat(Deliveries.count(tenant, "ignored")).isEqualTo(1);
  }

  @Test
  void after_close_a_delivery_is_refused_not_lost_silently() {
    writer.close();
    byte[] body = bytes("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"id\":1}}}");
    assertThatThrownBy(() -> accept("late", body)).hasMessageContaining("closed");
    assertThat(Deliveries.count(tenant, "ready")).isZero();
  }
}
