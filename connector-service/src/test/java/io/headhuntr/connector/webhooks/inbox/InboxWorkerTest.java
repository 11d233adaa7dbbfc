package io.headhuntr.connector.webhooks.inbox;

import static io.headhuntr.connector.webhooks.inbox.Deliveries.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.webhooks.apply.WebhookApplier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboxWorkerTest {
  private final Jdbi jdbi = Deliveries.jdbi();
  private final UUID tenant = UUID.randomUUID();
  private final TestClock clock = new TestClock();
  private final WebhookInbox inbox = new WebhookInbox(jdbi, clock);
  private final WebhookApplier real = new WebhookApplier(new MirrorStore());
  private final RetryPolicy retry =
      RetryPolicy.backoff(Duration.ofSeconds(10), 2.0)
          .maxDelay(Duration.ofMinutes(5))
          .maxAttempts(3);
  private final InboxWorkerConfig config =
      InboxWorkerConfig.defaults().withWorkerId("w-" + tenant).withRetry(retry);

  @AfterEach
  void clear() {
    Deliveries.clearUnfinished(tenant);
  }

  @Test
  void applies_a_delivery_in_one_transaction_and_marks_it_done() {
    inbox.accept(tenant, Optional.of("e1"), jobCreated(101, "Backend Engineer"), clock.instant());
    InboxWorker worker = new InboxWorker(jdbi, clock, real, config);

    assertThat(worker.runOnce()).isGreaterThanOrEqualTo(1);

    InboxEntry entry = inbox.find(tenant, idOf("e1")).orElseThrow();
    assertThat(entry.state()).isEqualTo("done");
    assertThat(entry.outcome()).isEqualTo("applied");
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(jobName(101)).isEqualTo("Backend Engineer");
    assertThat(eventTypes()).containsExactly("job_created");
  }

  @Test
  void a_failing_delivery_is_retried_with_backoff_then_parked_and_a_replay_applies_it() {
    inbox.accept(tenant, Optional.of("f1"), jobCreated(202, "Designer"), clock.instant());
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger failuresLeft = new AtomicInteger(3);
    DeliveryApplier flaky =
        (h, t, body, received, events) -> {
          if (!t.equals(tenant)) {
            return real.apply(h, t, body, received, events);
          }
          calls.incrementAndGet();
          // writes first, then fails: the rollback must undo the write
          String outcome = real.apply(h, t, body, received, events);
          if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("Greenhouse hiccup");
          }
          return outcome;
        };
    InboxWorker worker = new InboxWorker(jdbi, clock, flaky, config);
    long id = idOf("f1");

    worker.runOnce();
    InboxEntry first = inbox.find(tenant, id).orElseThrow();
    assertThat(first.state()).isEqualTo("ready");
    assertThat(first.lastError()).isEqualTo("IllegalStateException: Greenhouse hiccup");
    assertThat(first.runAt()).isEqualTo(clock.instant().plusSeconds(10));
    assertThat(jobName(202)).as("the failed attempt was rolled back").isNull();

    worker.runOnce();
    assertThat(calls).as("not due yet").hasValue(1);

    clock.advance(Duration.ofSeconds(10));
    worker.runOnce();
    assertThat(inbox.find(tenant, id).orElseThrow().runAt())
        .isEqualTo(clock.instant().plusSeconds(20));

    clock.advance(Duration.ofSeconds(20));
    worker.runOnce();
    InboxEntry parked = inbox.find(tenant, id).orElseThrow();
    assertThat(parked.state()).isEqualTo("parked");
    assertThat(parked.attempts()).isEqualTo(3);
    assertThat(parked.parkReason())
        .isEqualTo("gave up after 3 attempts: IllegalStateException: Greenhouse hiccup");
    assertThat(inbox.parked(tenant, 0, 10)).extracting(InboxEntry::inboxId).containsExactly(id);

    assertThat(inbox.replay(tenant, id)).isTrue();
    worker.runOnce();
    assertThat(inbox.find(tenant, id).orElseThrow().state()).isEqualTo("done");
    assertThat(calls).hasValue(4);
    assertThat(jobName(202)).isEqualTo("Designer");
    assertThat(eventTypes()).containsExactly("job_created");
  }

  @Test
  void a_body_too_large_to_carry_with_the_claim_is_read_when_applied() {
    String notes = "x".repeat(InboxClaims.INLINE_BODY_BYTES + 1000);
    inbox.accept(
        tenant,
        Optional.of("big1"),
        bytes(
            "{\"action\":\"job_created\",\"payload\":{\"job\":{\"id\":505,\"name\":\"Big\","
                + "\"notes\":\""
                + notes
                + "\"}}}"),
        clock.instant());

    new InboxWorker(jdbi, clock, real, config).runOnce();

    assertThat(inbox.find(tenant, idOf("big1")).orElseThrow().state()).isEqualTo("done");
    String stored =
        jdbi.withHandle(
            h ->
                h.createQuery("select notes from mirror_job where tenant_id = :t and job_id = 505")
                    .bind("t", tenant)
                    .mapTo(String.class)
                    .one());
    assertThat(stored).isEqualTo(notes);
  }

  @Test
  void during_a_burst_of_deliveries_applying_slows_down_but_never_stops_and_catches_up_after()
      throws Exception {
    for (int i = 1; i <= 300; i++) {
      inbox.accept(
          tenant, Optional.of("burst-" + i), jobCreated(7000 + i, "J" + i), clock.instant());
    }
    IntakeRate rate = new IntakeRate();
    InboxWorker worker = new InboxWorker(jdbi, clock, real, config.withBatchSize(5));
    // from 100 deliveries/s: one thread, applying 5 % of the time, for up to an hour
    worker.yieldDuringBursts(rate, new BurstPolicy(100, 0.05, Duration.ofHours(1)));
    Burst burst = new Burst(rate);
    try {
      Thread.sleep(300);
      worker.start(2);
      await().atMost(Duration.ofSeconds(10)).until(() -> Deliveries.count(tenant, "done") > 0);
      Thread.sleep(1000);
      // unhindered, two threads apply 300 small rows in well under a second
      assertThat(Deliveries.count(tenant, "done")).isBetween(1, 200);

      burst.stop();
      await().atMost(Duration.ofSeconds(20)).until(() -> Deliveries.count(tenant, "done") == 300);
    } finally {
      burst.stop();
      worker.close();
    }
  }

  @Test
  void a_burst_is_applied_at_full_speed_unless_the_cpus_are_busy_and_requests_queue_for_commits()
      throws Exception {
    storeJobs("idle-", 1, 300);
    IntakeRate rate = new IntakeRate();
    // from 100 deliveries/s on CPUs 85 % busy with 5 requests to a commit: one thread at 1 %
    // (giving way, the 300 rows would take over 10 s)
    BurstPolicy policy = new BurstPolicy(100, 0.01, Duration.ofHours(1), 0.85, 5);
    InboxWorker worker = yieldingWorker(rate, policy, 0.4);
    Burst burst = new Burst(rate);
    try {
      Thread.sleep(300);
      worker.start(2);
      // 2,500/s, 50 requests to a commit, but the CPUs are 40 % busy: the mirror keeps up
      await().atMost(Duration.ofSeconds(5)).until(() -> Deliveries.count(tenant, "done") == 300);
    } finally {
      burst.stop();
      worker.close();
    }

    storeJobs("busy-", 301, 600);
    InboxWorker second = yieldingWorker(rate, policy, 0.95);
    Burst busy = new Burst(rate);
    try {
      Thread.sleep(300);
      second.start(2);
      await().atMost(Duration.ofSeconds(10)).until(() -> Deliveries.count(tenant, "done") > 300);
      Thread.sleep(1000);
      // the same burst on CPUs 95 % busy: the appliers give way
      assertThat(Deliveries.count(tenant, "done")).isBetween(301, 500);
    } finally {
      busy.stop();
      second.close();
    }

    storeJobs("lone-", 601, 900);
    InboxWorker third = yieldingWorker(rate, policy, 0.95);
    Burst unqueued = new Burst(rate, 1);
    try {
      Thread.sleep(300);
      third.start(2);
      // busy CPUs, but each request has its commit to itself: the intake is not held up, and the
      // rows left from the burst above go with the new ones
      await().atMost(Duration.ofSeconds(8)).until(() -> Deliveries.count(tenant, "done") == 900);
    } finally {
      unqueued.stop();
      third.close();
    }
  }

  /** Stores a job_created delivery for each n from {@code from} to {@code to}. */
  private void storeJobs(String eventPrefix, int from, int to) {
    for (int i = from; i <= to; i++) {
      inbox.accept(
          tenant, Optional.of(eventPrefix + i), jobCreated(9700 + i, "J" + i), clock.instant());
    }
  }

  /** A worker of 5-row claims that gives way by {@code policy}, on CPUs {@code cpuLoad} busy. */
  private InboxWorker yieldingWorker(IntakeRate rate, BurstPolicy policy, double cpuLoad) {
    InboxWorker worker = new InboxWorker(jdbi, clock, real, config.withBatchSize(5));
    worker.yieldDuringBursts(rate, policy, () -> cpuLoad);
    return worker;
  }

  @Test
  void in_a_burst_a_claim_takes_at_most_50_rows_and_the_whole_batch_once_it_is_over()
      throws Exception {
    for (int i = 1; i <= 600; i++) {
      inbox.accept(
          tenant, Optional.of("sizes-" + i), jobCreated(9000 + i, "J" + i), clock.instant());
    }
    List<Integer> claimed = new java.util.concurrent.CopyOnWriteArrayList<>();
    DeliveryApplier counting =
        new DeliveryApplier() {
          @Override
          public String apply(
              org.jdbi.v3.core.Handle h,
              UUID t,
              byte[] body,
              java.time.Instant received,
              List<io.headhuntr.connector.events.NewEvent> events) {
            return real.apply(h, t, body, received, events);
          }

          @Override
          public List<Applied> applyAll(org.jdbi.v3.core.Handle h, List<Delivery> deliveries) {
            claimed.add(deliveries.size());
            return real.applyAll(h, deliveries);
          }
        };
    IntakeRate rate = new IntakeRate();
    InboxWorker worker = new InboxWorker(jdbi, clock, counting, config.withBatchSize(200));
    worker.yieldDuringBursts(rate, new BurstPolicy(100, 0.05, Duration.ofHours(1)));
    Burst burst = new Burst(rate);
    try {
      Thread.sleep(300);
      worker.start(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> claimed.size() >= 2);
      // short slices while Greenhouse's requests wait for the CPU
      assertThat(claimed).allSatisfy(n -> assertThat(n).isEqualTo(50));

      burst.stop();
      await().atMost(Duration.ofSeconds(20)).until(() -> Deliveries.count(tenant, "done") == 600);
      // the backlog left after the burst (at least 400 rows) goes in claims of 200
      assertThat(claimed).contains(200);
    } finally {
      burst.stop();
      worker.close();
    }
  }

  @Test
  void a_backlog_older_than_the_allowed_deferral_is_applied_at_full_speed_even_in_a_burst()
      throws Exception {
    for (int i = 1; i <= 300; i++) {
      inbox.accept(tenant, Optional.of("old-" + i), jobCreated(8000 + i, "J" + i), clock.instant());
    }
    clock.advance(Duration.ofMinutes(5));
    IntakeRate rate = new IntakeRate();
    InboxWorker worker = new InboxWorker(jdbi, clock, real, config.withBatchSize(5));
    worker.yieldDuringBursts(rate, new BurstPolicy(100, 0.01, Duration.ofMinutes(1)));
    Burst burst = new Burst(rate);
    try {
      Thread.sleep(300);
      worker.start(2);
      // at 1 % duty this would take minutes; rows five minutes old are not deferred further
      await().atMost(Duration.ofSeconds(20)).until(() -> Deliveries.count(tenant, "done") == 300);
    } finally {
      burst.stop();
      worker.close();
    }
  }

  @Test
  void one_failing_row_of_a_batch_is_retried_alone_while_the_others_are_applied() {
    for (int i = 1; i <= 5; i++) {
      inbox.accept(
          tenant, Optional.of("batch-" + i), jobCreated(600 + i, "Job " + i), clock.instant());
    }
    DeliveryApplier failsOnJob603 =
        (h, t, body, received, events) -> {
          if (new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("\"id\":603")) {
            throw new IllegalStateException("cannot apply 603");
          }
          return real.apply(h, t, body, received, events);
        };

    new InboxWorker(jdbi, clock, failsOnJob603, config).runOnce();

    assertThat(Deliveries.count(tenant, "done")).isEqualTo(4);
    InboxEntry failed = inbox.find(tenant, idOf("batch-3")).orElseThrow();
    assertThat(failed.state()).isEqualTo("ready");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).isEqualTo("IllegalStateException: cannot apply 603");
    assertThat(eventTypes()).hasSize(4);
    assertThat(jobName(603)).isNull();
    assertThat(jobName(605)).isEqualTo("Job 5");
  }

  @Test
  void an_unusable_payload_is_parked_at_once_without_retries() {
    inbox.accept(
        tenant,
        Optional.of("bad1"),
        bytes("{\"action\":\"reject_candidate\",\"payload\":{\"candidate\":{\"id\":1}}}"),
        clock.instant());
    new InboxWorker(jdbi, clock, real, config).runOnce();

    InboxEntry entry = inbox.find(tenant, idOf("bad1")).orElseThrow();
    assertThat(entry.state()).isEqualTo("parked");
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.parkReason()).isEqualTo("payload.application is missing");
  }

  @Test
  void the_sweeper_revives_the_claim_of_a_worker_that_stopped_and_voids_its_late_finish() {
    inbox.accept(tenant, Optional.of("k1"), jobCreated(303, "Analyst"), clock.instant());
    InboxClaims killed = new InboxClaims(jdbi, "killed-" + tenant);
    List<InboxClaims.Claimed> held =
        killed.claim(100, clock.instant()).stream()
            .filter(c -> c.tenantId().equals(tenant))
            .toList();
    assertThat(held).hasSize(1);
    InboxWorker survivor =
        new InboxWorker(jdbi, clock, real, config.withWorkerId("survivor-" + tenant));

    assertThat(survivor.runOnce()).as("a live claim is not taken").isZero();
    clock.advance(Duration.ofSeconds(29));
    survivor.sweepOnce();
    assertThat(inbox.find(tenant, idOf("k1")).orElseThrow().state()).isEqualTo("running");

    clock.advance(Duration.ofSeconds(2));
    assertThat(survivor.sweepOnce()).isGreaterThanOrEqualTo(1);
    survivor.runOnce();

    InboxEntry entry = inbox.find(tenant, idOf("k1")).orElseThrow();
    assertThat(entry.state()).isEqualTo("done");
    assertThat(entry.attempts()).isEqualTo(2);
    assertThat(jobName(303)).isEqualTo("Analyst");
    boolean lateFinish =
        jdbi.inTransaction(
            h ->
                killed.markAllDone(
                    h, List.of(held.get(0)), List.of("applied twice?"), clock.instant()));
    assertThat(lateFinish).as("the stopped worker's claim is void").isFalse();
    assertThat(eventTypes()).containsExactly("job_created");
  }

  @Test
  void heartbeats_keep_a_slow_claim_alive() {
    inbox.accept(tenant, Optional.of("h1"), jobCreated(404, "Slow"), clock.instant());
    InboxClaims slow = new InboxClaims(jdbi, "slow-" + tenant);
    slow.claim(100, clock.instant());
    InboxWorker sweeper = new InboxWorker(jdbi, clock, real, config);

    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(20));
      slow.heartbeat(clock.instant());
      sweeper.sweepOnce();
    }

    assertThat(inbox.find(tenant, idOf("h1")).orElseThrow().state()).isEqualTo("running");
  }

  @Test
  void two_workers_apply_two_thousand_deliveries_each_exactly_once() {
    int n = 2000;
    // accepted concurrently, as parallel requests would
    java.util.stream.IntStream.rangeClosed(1, n)
        .parallel()
        .forEach(
            i ->
                inbox.accept(
                    tenant,
                    Optional.of("bulk-" + i),
                    jobCreated(10_000 + i, "Job " + i),
                    clock.instant()));
    assertThat(Deliveries.count(tenant, "ready")).isEqualTo(n);
    InboxWorker a = new InboxWorker(jdbi, clock, real, config.withWorkerId("a-" + tenant));
    InboxWorker b = new InboxWorker(jdbi, clock, real, config.withWorkerId("b-" + tenant));
    try {
      a.start(4);
      b.start(4);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Deliveries.count(tenant, "done") == n);
    } finally {
      a.close();
      b.close();
    }

    assertThat(Deliveries.count(tenant, "running")).isZero();
    assertThat(Deliveries.count(tenant, "ready")).isZero();
    assertThat(Deliveries.count(tenant, "parked")).isZero();
    List<String> types = eventTypes();
    assertThat(types).hasSize(n).containsOnly("job_created");
    assertThat(distinctEventJobs()).isEqualTo(n);
    assertThat(scalar("select count(distinct seq) from events where tenant_id = :t"))
        .as("the feed's sequence is gap-free")
        .isEqualTo(n);
    assertThat(scalar("select max(seq) from events where tenant_id = :t")).isEqualTo(n);
    assertThat(scalar("select count(distinct claimed_by) from webhook_inbox where tenant_id = :t"))
        .as("claims are released when done")
        .isZero();
    assertThat(scalar("select max(attempts) from webhook_inbox where tenant_id = :t")).isEqualTo(1);
  }

  static byte[] jobCreated(long id, String name) {
    return bytes(
        "{\"action\":\"job_created\",\"payload\":{\"job\":{\"id\":"
            + id
            + ",\"name\":\""
            + name
            + "\",\"status\":\"open\",\"departments\":[],\"offices\":[]}}}");
  }

  private long idOf(String eventId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select inbox_id from webhook_inbox where tenant_id = :t and event_id = :e")
                .bind("t", tenant)
                .bind("e", eventId)
                .mapTo(Long.class)
                .one());
  }

  private String jobName(long jobId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select name from mirror_job where tenant_id = :t and job_id = :j")
                .bind("t", tenant)
                .bind("j", jobId)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
  }

  private List<String> eventTypes() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select type from events where tenant_id = :t order by seq")
                .bind("t", tenant)
                .mapTo(String.class)
                .list());
  }

  private int scalar(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind("t", tenant).mapTo(Integer.class).one());
  }

  private int distinctEventJobs() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(distinct job_id) from events where tenant_id = :t")
                .bind("t", tenant)
                .mapTo(Integer.class)
                .one());
  }

  /** An intake storing 50 deliveries every 20 ms (2,500 a second) until stopped. */
  private static final class Burst {
    private final java.util.concurrent.atomic.AtomicBoolean on =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    private final Thread thread;

    Burst(IntakeRate rate) {
      this(rate, 50);
    }

    /** 2,500 deliveries a second, {@code perCommit} requests to each group commit. */
    Burst(IntakeRate rate, int perCommit) {
      thread =
          new Thread(
              () -> {
                while (on.get()) {
                  for (int stored = 0; stored < 50; stored += perCommit) {
                    rate.record(perCommit, perCommit);
                  }
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      thread.start();
    }

    void stop() throws InterruptedException {
      on.set(false);
      thread.join();
    }
  }
}
