package io.headhuntr.connector.webhooks.apply;

import static io.headhuntr.connector.webhooks.apply.Payloads.application;
import static io.headhuntr.connector.webhooks.apply.Payloads.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.webhooks.inbox.InboxEntry;
import io.headhuntr.connector.webhooks.inbox.InboxWorker;
import io.headhuntr.connector.webhooks.inbox.InboxWorkerConfig;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/**
 * A claimed batch is applied set-based (a few statements per table for the whole batch) and leaves
 * the mirror, the feed and the inbox exactly as applying its deliveries one at a time does.
 */
class BatchApplyTest {
  private static final Instant T1 = Instant.parse("2024-02-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2024-02-02T10:00:00Z");
  private static final Instant T3 = Instant.parse("2024-02-03T10:00:00Z");
  private static final Instant T4 = Instant.parse("2024-02-04T10:00:00Z");
  private static final Instant T5 = Instant.parse("2024-02-05T10:00:00Z");

  private final AtomicInteger statements = new AtomicInteger();

  @Test
  void a_batch_leaves_mirror_feed_and_inbox_as_one_delivery_at_a_time_does() {
    List<String> bodies = mixedDeliveries();
    Applying oneByOne = new Applying();
    Applying batched = new Applying();
    batched.clock.advance(Duration.between(batched.clock.instant(), oneByOne.clock.instant()));

    // as each was applied: erasing a person later deletes the finished deliveries naming them
    List<String> outcomes = new ArrayList<>();
    for (String body : bodies) {
      InboxEntry entry = oneByOne.deliver(body);
      outcomes.add(
          entry.action()
              + " "
              + entry.state()
              + ": "
              + (entry.parkReason() != null ? entry.parkReason() : entry.outcome()));
    }
    applyAsOneBatch(batched, bodies);

    assertThat(inbox(batched)).isEqualTo(outcomes);
    assertThat(applications(batched)).isEqualTo(applications(oneByOne));
    assertThat(candidates(batched)).isEqualTo(candidates(oneByOne));
    assertThat(emails(batched)).isEqualTo(emails(oneByOne));
    assertThat(events(batched)).isEqualTo(events(oneByOne));
    // and the scenario is not trivial: what each ordering rule decided is in there
    assertThat(inbox(batched))
        .contains(
            "candidate_stage_change done: skipped: mirror holds newer data (2024-02-02T10:00:00Z)",
            "candidate_stage_change done: skipped: application was deleted",
            "candidate_stage_change parked: payload.application.id is missing",
            "unreject_candidate done: applied");
    assertThat(events(batched)).hasSizeGreaterThan(10);
  }

  @Test
  void a_batch_of_forty_new_applications_takes_a_few_statements_not_a_few_per_delivery() {
    Applying batched = new Applying();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      bodies.add(
          application(
              i % 2 == 0 ? "new_candidate_application" : "candidate_stage_change",
              10_000 + i,
              candidate(20_000 + i, "Ada", "ada" + i + "@example.com"),
              "active",
              1 + i % 3,
              "Stage " + (1 + i % 3),
              T1.plusSeconds(i)));
    }

    applyAsOneBatch(batched, bodies);

    assertThat(inbox(batched)).hasSize(40).allMatch(s -> s.endsWith(" done: applied"));
    assertThat(applications(batched)).hasSize(40);
    assertThat(emails(batched)).hasSize(40);
    assertThat(events(batched)).hasSize(40);
    // claim, lock, two reads, references, candidates, e-mails, applications, done, events
    assertThat(statements.get()).isLessThanOrEqualTo(20);
  }

  @Test
  void an_unusable_delivery_in_a_batch_is_parked_with_its_reason_while_the_batch_applies() {
    Applying batched = new Applying();
    ObjectNode wrong = candidate(30_001, "Ada", "wrong@example.com");
    wrong.putObject("first_name").put("unexpected", true);
    List<String> bodies =
        List.of(
            application(
                "new_candidate_application",
                31_000,
                candidate(30_000, "Ada", "ok@example.com"),
                "active",
                1,
                "Review",
                T1),
            application("new_candidate_application", 31_001, wrong, "active", 1, "Review", T1),
            "{\"action\":\"candidate_stage_change\",\"payload\":{}}",
            application(
                "new_candidate_application",
                31_002,
                candidate(30_002, "Grace", "grace@example.com"),
                "active",
                1,
                "Review",
                T1));

    applyAsOneBatch(batched, bodies);

    assertThat(inbox(batched))
        .containsExactly(
            "new_candidate_application done: applied",
            "new_candidate_application parked: unexpected value type in CandidateRow field"
                + " first_name",
            "candidate_stage_change parked: payload.application is missing",
            "new_candidate_application done: applied");
    assertThat(applications(batched)).hasSize(2);
    assertThat(candidates(batched)).hasSize(2);
    // applied as one batch, not rolled back and retried one delivery per transaction
    assertThat(statements.get()).isLessThanOrEqualTo(22);
  }

  /** Accepts every body (one second apart), then applies them in one claim of a counting worker. */
  private void applyAsOneBatch(Applying run, List<String> bodies) {
    run.drain(); // other tests' leftovers must not share the counted claim
    for (String body : bodies) {
      run.clock.advance(Duration.ofSeconds(1));
      assertThat(
              run.inbox.accept(
                  run.tenant,
                  Optional.of("batch-" + UUID.randomUUID()),
                  body.getBytes(StandardCharsets.UTF_8),
                  run.clock.instant()))
          .isTrue();
    }
    Jdbi counting = Jdbi.create(TestDatabase.shared().dataSource());
    counting.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logAfterExecution(StatementContext context) {
            statements.incrementAndGet();
          }

          @Override
          public void logException(StatementContext context, SQLException ex) {
            statements.incrementAndGet();
          }
        });
    InboxWorker worker =
        new InboxWorker(
            counting,
            run.clock,
            new WebhookApplier(run.mirror),
            InboxWorkerConfig.defaults()
                .withWorkerId("batch-test-" + run.tenant)
                .withBatchSize(100));
    statements.set(0);
    assertThat(worker.runOnce()).isEqualTo(bodies.size());
  }

  /** Deliveries whose order matters, mixing batchable actions with ones applied alone. */
  private static List<String> mixedDeliveries() {
    ObjectNode ada = candidate(1, "Ada", "ada@example.com");
    ObjectNode grace = candidate(2, "Grace", "grace@example.com");
    ObjectNode graceMoved = candidate(2, "Grace", "grace@new.example.com");
    graceMoved.put("updated_at", T3.toString());
    ObjectNode linus = candidate(3, "Linus", "linus@example.com");
    ObjectNode barbara = candidate(4, "Barbara", "barbara@example.com");
    ObjectNode alan = candidate(6, "Alan", "alan@example.com");
    ObjectNode katherine = candidate(7, "Katherine", "katherine@example.com");
    List<String> bodies = new ArrayList<>();
    bodies.add(
        application("new_candidate_application", 101, ada, "active", 1, "Application Review", T1));
    bodies.add(
        application(
            "new_candidate_application", 102, grace, "active", 1, "Application Review", T1));
    bodies.add(application("candidate_stage_change", 101, ada, "active", 2, "Phone Screen", T2));
    bodies.add(Payloads.updateCandidate(graceMoved));
    bodies.add(application("reject_candidate", 102, grace, "rejected", 1, "Review", T4));
    // older than the move above, in the same batch: must not undo it
    bodies.add(application("candidate_stage_change", 101, ada, "active", 1, "Review", T1));
    bodies.add(application("new_candidate_application", 103, linus, "active", 1, "Review", T1));
    bodies.add(Payloads.person("delete_candidate", 3, null, 103));
    bodies.add(application("candidate_stage_change", 103, linus, "active", 2, "Phone", T5));
    bodies.add(Payloads.hire(104, barbara, T3));
    bodies.add(application("candidate_stage_change", 104, barbara, "active", 2, "Offer", T2));
    bodies.add(Payloads.jobPost("job_post_created", 77, "Data Scientist", T1));
    for (int i = 5; i <= 10; i++) {
      bodies.add(
          application(
              "new_candidate_application",
              100 + i,
              candidate(i, "Person", "p" + i + "@example.com"),
              "active",
              1,
              "Review",
              T1));
    }
    bodies.add(Payloads.updateCandidate(candidate(5, "Person", "p5@example.com")));
    bodies.add(application("candidate_stage_change", 106, alan, "active", 1, "Review", T2));
    bodies.add(Payloads.person("merge_candidate", 6, 7L));
    bodies.add(application("candidate_stage_change", 106, alan, "active", 3, "Onsite", T5));
    bodies.add(application("candidate_stage_change", 107, katherine, "active", 2, "Phone", T5));
    bodies.add("{\"action\":\"candidate_stage_change\",\"payload\":{\"application\":{}}}");
    bodies.add(application("unreject_candidate", 102, grace, "active", 1, "Review", T5));
    return bodies;
  }

  private static List<String> inbox(Applying run) {
    return run.read(
        h ->
            h.createQuery(
                    "select action || ' ' || state || ': ' || coalesce(park_reason, outcome) from webhook_inbox"
                        + " where tenant_id = :t order by inbox_id")
                .bind("t", run.tenant)
                .mapTo(String.class)
                .list());
  }

  private static List<String> applications(Applying run) {
    return rows(
        run,
        "select application_id, candidate_id, status, current_stage_id, current_stage_name,"
            + " rejected_at, rejection_reason, hired_at, job_ids, source, version, deleted_at"
            + " from mirror_application where tenant_id = :t order by application_id");
  }

  private static List<String> candidates(Applying run) {
    return rows(
        run,
        "select candidate_id, first_name, last_name, tags, attachments, recruiter, version,"
            + " merged_into_id, deleted_at, erased_at from mirror_candidate where tenant_id = :t"
            + " order by candidate_id");
  }

  private static List<String> emails(Applying run) {
    return rows(
        run,
        "select candidate_id, position, email, type from mirror_candidate_email"
            + " where tenant_id = :t order by candidate_id, position");
  }

  private static List<String> events(Applying run) {
    return rows(
        run,
        "select seq, type, candidate_id, application_id, job_id, occurred_at, data from events"
            + " where tenant_id = :t order by seq");
  }

  private static List<String> rows(Applying run, String sql) {
    return run.read(
        h ->
            h.createQuery("select cast(r as text) from (" + sql + ") r")
                .bind("t", run.tenant)
                .mapTo(String.class)
                .list());
  }
}
