package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Personal data is kept no longer than it serves: applied webhook bodies and finished pushes'
 * requests go after the retention, push files after the attachment retention, and erasing a person
 * in the mirror clears every stored copy of them at once, whichever path erased them.
 */
class RetentionTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private final Jdbi jdbi = TestDatabase.shared().jdbi();
  private final RetentionJob job =
      new RetentionJob(jdbi, ConnectorConfig.RetentionConfig.defaults(), Clock.systemUTC());
  private UUID tenant;

  @BeforeEach
  void tenant() {
    tenant = io.headhuntr.connector.users.TestTenant.create(jdbi);
  }

  @Test
  void applied_bodies_and_finished_requests_are_forgotten_after_the_retention() {
    long old = delivery("done", "{\"action\":\"a\",\"payload\":{\"candidate\":{\"id\": 1}}}", 31);
    long recent = delivery("done", "{\"action\":\"b\",\"payload\":{\"candidate\":{\"id\": 2}}}", 1);
    long parked = delivery("parked", "{\"action\":\"c\"}", 40);
    UUID oldPush = push("done", 31, 11L);
    UUID weekOld = push("done", 8, 12L);
    UUID fresh = push("done", 1, 13L);
    UUID running = push("running", 40, 14L);

    RetentionJob.Forgotten forgotten = job.runOnce(NOW);

    assertThat(deliveryExists(old)).isFalse();
    assertThat(deliveryExists(recent)).isTrue();
    assertThat(deliveryExists(parked)).as("a parked delivery waits for a person").isTrue();
    assertThat(request(oldPush).has("person")).isFalse();
    assertThat(request(oldPush).path("forgotten").asText()).contains("retention");
    assertThat(request(weekOld).path("person").path("first_name").asText()).isEqualTo("Ada");
    assertThat(request(weekOld).path("attachments").get(0).has("content")).isFalse();
    assertThat(request(weekOld).path("attachments").get(0).path("filename").asText())
        .isEqualTo("cv.pdf");
    assertThat(request(fresh).path("attachments").get(0).has("content")).isTrue();
    assertThat(request(running).path("attachments").get(0).has("content"))
        .as("a push still running keeps everything")
        .isTrue();
    assertThat(forgotten.deliveries()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void erasing_a_person_in_the_mirror_clears_their_bodies_and_push_requests() {
    long mentions =
        delivery("done", "{\"action\":\"x\",\"payload\":{\"candidate\":{\"id\": 555}}}", 1);
    long similar =
        delivery("done", "{\"action\":\"y\",\"payload\":{\"candidate\":{\"id\":5551}}}", 1);
    long pending =
        delivery("ready", "{\"action\":\"z\",\"payload\":{\"candidate\":{\"id\":555}}}", 0);
    long deleted =
        delivery(
            "done", "{\"action\":\"delete_candidate\",\"payload\":{\"person\":{\"id\":555}}}", 1);
    long anonymized =
        delivery(
            "done", "{\"action\":\"candidate_anonymized\",\"payload\":{\"candidate_id\":555}}", 1);
    long applicationOf =
        delivery(
            "done",
            "{\"action\":\"hire_candidate\",\"payload\":{\"application\":{\"id\":9,"
                + "\"candidate\":{\"id\":555}}}}",
            1);
    // another person's delivery where only an unrelated object has the same number
    long sameNumberElsewhere =
        delivery(
            "done",
            "{\"action\":\"reject_candidate\",\"payload\":{\"application\":{\"id\":10,"
                + "\"candidate\":{\"id\":777},\"rejection_reason\":{\"id\":555,"
                + "\"type\":{\"id\":555}}}}}",
            1);
    long notJson = delivery("ignored", "not json, but names 555", 1);
    UUID theirs = push("done", 0, 555L);
    UUID someoneElse = push("done", 0, 556L);
    MirrorStore mirror = new MirrorStore();
    jdbi.useTransaction(
        h -> {
          h.execute(
              "insert into mirror_candidate (tenant_id, candidate_id, first_name) values (?, 555,"
                  + " 'Ada')",
              tenant);
          mirror.candidates().eraseAndTombstone(h, tenant, 555, NOW);
        });

    assertThat(deliveryExists(mentions)).isFalse();
    assertThat(deliveryExists(similar)).as("another person's id that merely starts alike").isTrue();
    assertThat(deliveryExists(pending)).as("not applied yet: left to be applied").isTrue();
    assertThat(deliveryExists(deleted)).isFalse();
    assertThat(deliveryExists(anonymized)).isFalse();
    assertThat(deliveryExists(applicationOf)).isFalse();
    assertThat(deliveryExists(sameNumberElsewhere))
        .as("someone else's delivery whose rejection reason has the same number")
        .isTrue();
    assertThat(deliveryExists(notJson)).as("not JSON: never matched, never fails").isTrue();
    assertThat(request(theirs).has("person")).isFalse();
    assertThat(request(someoneElse).has("person")).isTrue();
  }

  private long delivery(String state, String body, int daysAgo) {
    OffsetDateTime at =
        OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into webhook_inbox (tenant_id, dedupe_key, action, raw_body,"
                        + " received_at, state, run_at, finished_at) values (:t, :k, 'a', :body,"
                        + " :at, :state, :at, case when :state in ('done', 'ignored') then"
                        + " cast(:at as timestamptz) end) returning inbox_id")
                .bind("t", tenant)
                .bind("k", "test:" + UUID.randomUUID())
                .bind("body", body.getBytes(StandardCharsets.UTF_8))
                .bind("at", at)
                .bind("state", state)
                .mapTo(Long.class)
                .one());
  }

  private boolean deliveryExists(long inboxId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "select count(*) from webhook_inbox where tenant_id = :t and inbox_id = :i")
                    .bind("t", tenant)
                    .bind("i", inboxId)
                    .mapTo(Integer.class)
                    .one()
                == 1);
  }

  private UUID push(String status, int finishedDaysAgo, Long candidateId) {
    UUID id = UUID.randomUUID();
    OffsetDateTime at =
        OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(finishedDaysAgo)), ZoneOffset.UTC);
    String request =
        "{\"acting_user_id\":\"u1\",\"person\":{\"first_name\":\"Ada\"},\"attachments\":"
            + "[{\"type\":\"resume\",\"filename\":\"cv.pdf\",\"content\":\"JVBERi0=\"}],"
            + "\"target\":{\"type\":\"candidate\"}}";
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into pushes (tenant_id, push_id, idempotency_key, request_hash,"
                        + " acting_user_id, greenhouse_user_id, target_type, request, status,"
                        + " run_at, finished_at, candidate_id) values (:t, :id, :key, 'h', 'u1', 1,"
                        + " 'candidate', cast(:request as jsonb), :status, :at, case when :status"
                        + " in ('done', 'failed') then cast(:at as timestamptz) end, :candidate)")
                .bind("t", tenant)
                .bind("id", id)
                .bind("key", id.toString())
                .bind("request", request)
                .bind("status", status)
                .bind("at", at)
                .bind("candidate", candidateId)
                .execute());
    return id;
  }

  private JsonNode request(UUID pushId) {
    String text =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select request::text from pushes where tenant_id = :t and push_id = :id")
                    .bind("t", tenant)
                    .bind("id", pushId)
                    .mapTo(String.class)
                    .one());
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
