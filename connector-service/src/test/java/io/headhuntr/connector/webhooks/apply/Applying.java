package io.headhuntr.connector.webhooks.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.webhooks.inbox.Deliveries;
import io.headhuntr.connector.webhooks.inbox.InboxEntry;
import io.headhuntr.connector.webhooks.inbox.InboxWorker;
import io.headhuntr.connector.webhooks.inbox.InboxWorkerConfig;
import io.headhuntr.connector.webhooks.inbox.TestClock;
import io.headhuntr.connector.webhooks.inbox.WebhookInbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/** Test driver: delivers bodies through the real inbox and worker, one tenant per instance. */
final class Applying {
  private static final AtomicLong EVENT_IDS = new AtomicLong();

  final Jdbi jdbi = Deliveries.jdbi();
  final UUID tenant = UUID.randomUUID();
  final TestClock clock = new TestClock();
  final MirrorStore mirror = new MirrorStore();
  final WebhookInbox inbox = new WebhookInbox(jdbi, clock);
  private final InboxWorker worker =
      new InboxWorker(
          jdbi,
          clock,
          new WebhookApplier(mirror),
          InboxWorkerConfig.defaults().withWorkerId("apply-test-" + tenant));

  /** Whether the inbox takes {@code body} under a new event id (it is not applied here). */
  boolean accepts(String body) {
    return inbox.accept(
        tenant,
        Optional.of("test-" + EVENT_IDS.incrementAndGet()),
        body.getBytes(StandardCharsets.UTF_8),
        clock.instant());
  }

  /** Accepts {@code body} (one second after the previous delivery) and applies it. */
  InboxEntry deliver(String body) {
    clock.advance(Duration.ofSeconds(1));
    String eventId = "test-" + EVENT_IDS.incrementAndGet();
    assertThat(
            inbox.accept(
                tenant,
                Optional.of(eventId),
                body.getBytes(StandardCharsets.UTF_8),
                clock.instant()))
        .isTrue();
    while (worker.runOnce() > 0) {
      // drain: other tenants' rows may share a batch
    }
    long inboxId =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select inbox_id from webhook_inbox where tenant_id = :t and event_id = :e")
                    .bind("t", tenant)
                    .bind("e", eventId)
                    .mapTo(Long.class)
                    .one());
    return inbox.find(tenant, inboxId).orElseThrow();
  }

  /**
   * Another worker over the same inbox, on the real clock (ahead of the test clock, so every
   * accepted row is due and retries come due), for tests that run workers in the background.
   */
  InboxWorker newWorker() {
    return new InboxWorker(
        jdbi,
        java.time.Clock.systemUTC(),
        new WebhookApplier(mirror),
        InboxWorkerConfig.defaults().withWorkerId("bg-" + tenant));
  }

  /** Applies every ready row (other tenants' too: they may share a batch). */
  void drain() {
    while (worker.runOnce() > 0) {
      // until nothing is ready
    }
  }

  List<Long> idsByEmail(String email) {
    return jdbi.withHandle(h -> mirror.candidates().idsByEmail(h, tenant, email));
  }

  List<String> eventTypes() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select type from events where tenant_id = :t order by seq")
                .bind("t", tenant)
                .mapTo(String.class)
                .list());
  }

  <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
    return jdbi.withHandle(callback);
  }
}
