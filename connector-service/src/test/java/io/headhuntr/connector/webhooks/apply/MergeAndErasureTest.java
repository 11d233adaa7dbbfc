package io.headhuntr.connector.webhooks.apply;

import static io.headhuntr.connector.webhooks.apply.Payloads.application;
import static io.headhuntr.connector.webhooks.apply.Payloads.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.events.EventLog;
import io.headhuntr.connector.events.OutcomeEvent;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merges re-point; deletes and anonymizations erase personal data and stay erased. */
class MergeAndErasureTest {
  private static final Instant T1 = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2024-03-02T10:00:00Z");
  private static final Instant T3 = Instant.parse("2024-03-03T10:00:00Z");

  private final Applying run = new Applying();

  @Test
  void a_merge_repoints_applications_and_events_to_the_surviving_candidate() {
    run.deliver(
        application(
            "new_candidate_application",
            1001,
            candidate(10, "Ada", "ada@one.example"),
            "active",
            1,
            "Review",
            T1));
    run.deliver(
        application(
            "new_candidate_application",
            1002,
            candidate(20, "Ada", "ada@two.example"),
            "active",
            1,
            "Review",
            T1));

    run.deliver(Payloads.person("merge_candidate", 10, 20L));

    assertThat(app(1001).candidateId()).isEqualTo(20);
    assertThat(app(1002).candidateId()).isEqualTo(20);
    List<OutcomeEvent> events = run.read(h -> new EventLog().after(h, run.tenant, 0, 10));
    assertThat(events).extracting(OutcomeEvent::candidateId).containsOnly(20L);
    OutcomeEvent merged = events.get(events.size() - 1);
    assertThat(merged.type()).isEqualTo("merged");
    assertThat(merged.data().get("merged_candidate_id").asLong()).isEqualTo(10);
    CandidateRow loser = mirrored(10);
    assertThat(loser.mergedIntoId()).isEqualTo(20);
    assertThat(loser.deletedAt()).isNotNull();
    assertThat(loser.firstName()).isNull();
    assertThat(run.idsByEmail("ada@one.example")).isEmpty();
    assertThat(run.idsByEmail("ada@two.example")).containsExactly(20L);

    // a late delivery still naming the merged id keeps pointing at the survivor
    run.deliver(
        application(
            "candidate_stage_change",
            1001,
            candidate(10, "Ada", "ada@one.example"),
            "active",
            2,
            "Screen",
            T2));
    assertThat(app(1001).candidateId()).isEqualTo(20);
    assertThat(app(1001).currentStageName()).isEqualTo("Screen");
    assertThat(mirrored(10).firstName()).as("the merged record stays erased").isNull();

    // the same merge in other bytes (a byte-identical one is refused at the door as a replay)
    assertThat(run.deliver(Payloads.person("merge_candidate", 10, 20L) + " ").outcome())
        .isEqualTo("skipped: already merged into 20");
  }

  @Test
  void a_delete_erases_the_person_and_tombstones_what_greenhouse_names() {
    run.deliver(
        application(
            "new_candidate_application",
            1101,
            candidate(30, "Ada", "gone@example.com"),
            "active",
            1,
            "Review",
            T1));
    run.deliver(
        application(
            "new_candidate_application",
            1102,
            candidate(30, "Ada", "gone@example.com"),
            "active",
            1,
            "Review",
            T1));

    run.deliver(Payloads.person("delete_candidate", 30, null, 1101));

    CandidateRow row = mirrored(30);
    assertThat(row.deletedAt()).isNotNull();
    assertThat(row.erasedAt()).isNotNull();
    assertThat(row.firstName()).isNull();
    assertThat(row.lastName()).isNull();
    assertThat(row.company()).isNull();
    assertThat(row.title()).isNull();
    assertThat(row.emailAddresses()).isEmpty();
    assertThat(row.phoneNumbers()).isEmpty();
    assertThat(row.addresses()).isEmpty();
    assertThat(row.websiteAddresses()).isEmpty();
    assertThat(row.socialMediaAddresses()).isEmpty();
    assertThat(row.educations()).isEmpty();
    assertThat(row.employments()).isEmpty();
    assertThat(row.attachments()).isEmpty();
    assertThat(row.tags()).isEmpty();
    assertThat(run.idsByEmail("gone@example.com")).isEmpty();
    int emailRows =
        run.read(
            h ->
                h.createQuery(
                        "select count(*) from mirror_candidate_email where tenant_id = :t"
                            + " and candidate_id = 30")
                    .bind("t", run.tenant)
                    .mapTo(Integer.class)
                    .one());
    assertThat(emailRows).isZero();
    assertThat(app(1101).deletedAt()).isNotNull();
    assertThat(app(1102).deletedAt()).as("not named: may have moved in a merge").isNull();
    assertThat(run.eventTypes()).endsWith("deleted");

    // older deliveries arriving later cannot bring the person back
    run.deliver(Payloads.updateCandidate(candidate(30, "Ada", "gone@example.com")));
    run.deliver(
        application(
            "candidate_stage_change",
            1102,
            candidate(30, "Ada", "gone@example.com"),
            "active",
            2,
            "Screen",
            T2));
    assertThat(mirrored(30).firstName()).isNull();
    assertThat(run.idsByEmail("gone@example.com")).isEmpty();
  }

  @Test
  void a_delete_arriving_before_anything_else_leaves_a_tombstone_that_holds() {
    run.deliver(Payloads.person("delete_candidate", 40, null));
    run.deliver(
        application(
            "new_candidate_application",
            1201,
            candidate(40, "Ada", "early@example.com"),
            "active",
            1,
            "Review",
            T1));

    assertThat(mirrored(40).deletedAt()).isNotNull();
    assertThat(mirrored(40).firstName()).isNull();
    assertThat(run.idsByEmail("early@example.com")).isEmpty();
  }

  @Test
  void anonymization_erases_the_named_fields_and_an_older_snapshot_cannot_restore_them() {
    run.deliver(
        application(
            "new_candidate_application",
            1301,
            candidate(50, "Ada", "anon@example.com"),
            "active",
            1,
            "Review",
            T1));
    run.clock.advance(java.time.Duration.ofDays(3650));

    run.deliver(
        Payloads.anonymized(
            50, "full_name", "current_title", "email_addresses", "phone_numbers", "fax_number"));

    CandidateRow row = mirrored(50);
    assertThat(row.firstName()).isNull();
    assertThat(row.lastName()).isNull();
    assertThat(row.title()).isNull();
    assertThat(row.phoneNumbers()).isEmpty();
    assertThat(row.company()).as("not anonymized").isEqualTo("Analytical Engines");
    assertThat(run.idsByEmail("anon@example.com")).isEmpty();
    assertThat(row.anonymizedFields()).hasSize(5);

    run.deliver(
        application(
            "candidate_stage_change",
            1301,
            candidate(50, "Ada", "anon@example.com"),
            "active",
            2,
            "Screen",
            T3));
    assertThat(mirrored(50).firstName()).isNull();
    assertThat(app(1301).currentStageName()).isEqualTo("Screen");
  }

  @Test
  void deleting_an_application_tombstones_it_once() {
    run.deliver(
        application(
            "new_candidate_application",
            1401,
            candidate(60, "Ada", "x@example.com"),
            "active",
            1,
            "Review",
            T1));
    String delete =
        "{\"action\":\"delete_application\",\"payload\":{\"application\":{\"id\":1401,"
            + "\"candidate_id\":60,\"job_id\":5001,\"prospect\":false}}}";

    run.deliver(delete);
    assertThat(run.deliver(delete.replace("5001", "5001 ")).outcome())
        .isEqualTo("skipped: application already deleted");
    run.deliver(
        application(
            "candidate_stage_change",
            1401,
            candidate(60, "Ada", "x@example.com"),
            "active",
            2,
            "Screen",
            T2));

    assertThat(app(1401).deletedAt()).isNotNull();
    assertThat(app(1401).currentStageName()).isEqualTo("Review");
    assertThat(run.eventTypes()).containsExactly("application_created", "application_deleted");
  }

  private ApplicationRow app(long id) {
    return run.read(h -> run.mirror.applications().find(h, run.tenant, id)).orElseThrow();
  }

  private CandidateRow mirrored(long id) {
    return run.read(h -> run.mirror.candidates().find(h, run.tenant, id)).orElseThrow();
  }
}
