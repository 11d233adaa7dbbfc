package io.headhuntr.connector.webhooks.apply;

import static io.headhuntr.connector.webhooks.apply.Payloads.application;
import static io.headhuntr.connector.webhooks.apply.Payloads.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.events.EventLog;
import io.headhuntr.connector.events.OutcomeEvent;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.JobPostRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Greenhouse promises no order: whatever the order of arrival, the newest state stays. */
class DeliveryOrderTest {
  private static final Instant T1 = Instant.parse("2024-02-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2024-02-02T10:00:00Z");
  private static final Instant T3 = Instant.parse("2024-02-03T10:00:00Z");
  private static final Instant T4 = Instant.parse("2024-02-04T10:00:00Z");

  private final Applying run = new Applying();

  private List<String> lifecycle() {
    return List.of(
        application(
            "new_candidate_application",
            900,
            candidate(77, "Old", "ada@example.com"),
            "active",
            1,
            "Application Review",
            T1),
        application(
            "candidate_stage_change",
            900,
            candidate(77, "Ada", "ada@example.com"),
            "active",
            2,
            "Phone Screen",
            T2),
        application(
            "candidate_stage_change",
            900,
            candidate(77, "Ada", "ada@example.com"),
            "active",
            3,
            "Onsite",
            T3),
        application(
            "reject_candidate",
            900,
            candidate(77, "Augusta Ada", "ada@example.com"),
            "rejected",
            3,
            "Onsite",
            T4));
  }

  @Test
  void in_order_the_feed_tells_the_whole_story() {
    lifecycle().forEach(run::deliver);

    assertThat(run.eventTypes())
        .containsExactly("application_created", "stage_changed", "stage_changed", "rejected");
    List<OutcomeEvent> events = run.read(h -> new EventLog().after(h, run.tenant, 0, 10));
    OutcomeEvent toOnsite = events.get(2);
    assertThat(toOnsite.data().get("from_stage_name").asText()).isEqualTo("Phone Screen");
    assertThat(toOnsite.data().get("to_stage_name").asText()).isEqualTo("Onsite");
    assertThat(toOnsite.occurredAt()).isEqualTo(T3);
    assertThat(toOnsite.applicationId()).isEqualTo(900);
    assertThat(toOnsite.candidateId()).isEqualTo(77);
    assertThat(events.get(3).data().get("rejection_reason").get("name").asText())
        .isEqualTo("Too Junior");
  }

  @Test
  void delivered_in_reverse_order_the_newest_state_stays() {
    List<String> reversed = new java.util.ArrayList<>(lifecycle());
    java.util.Collections.reverse(reversed);

    List<String> outcomes = reversed.stream().map(b -> run.deliver(b).outcome()).toList();

    assertThat(outcomes.get(0)).isEqualTo("applied");
    assertThat(outcomes.subList(1, 4))
        .allMatch(o -> o.startsWith("skipped: mirror holds newer data"));
    ApplicationRow app =
        run.read(h -> run.mirror.applications().find(h, run.tenant, 900)).orElseThrow();
    assertThat(app.status()).isEqualTo("rejected");
    assertThat(app.currentStageName()).isEqualTo("Onsite");
    assertThat(app.rejectedAt()).isEqualTo(T4);
    assertThat(app.lastActivityAt()).isEqualTo(T4);
    CandidateRow candidate =
        run.read(h -> run.mirror.candidates().find(h, run.tenant, 77)).orElseThrow();
    assertThat(candidate.firstName()).isEqualTo("Augusta Ada");
    assertThat(run.eventTypes()).containsExactly("rejected");
  }

  @Test
  void a_move_of_the_same_second_arriving_after_the_rejection_does_not_reopen_it() {
    var ada = candidate(82, "Ada", "tie@example.com");
    run.deliver(application("reject_candidate", 905, ada, "rejected", 3, "Onsite", T3));

    String outcome =
        run.deliver(application("candidate_stage_change", 905, ada, "active", 3, "Onsite", T3))
            .outcome();

    assertThat(outcome).isEqualTo("skipped: same second as the mirrored rejected state");
    ApplicationRow app =
        run.read(h -> run.mirror.applications().find(h, run.tenant, 905)).orElseThrow();
    assertThat(app.status()).isEqualTo("rejected");
    // an unreject of the same second is its own action and does reopen it
    run.deliver(application("unreject_candidate", 905, ada, "active", 3, "Onsite", T3));
    assertThat(
            run.read(h -> run.mirror.applications().find(h, run.tenant, 905))
                .orElseThrow()
                .status())
        .isEqualTo("active");
    assertThat(run.eventTypes()).containsExactly("rejected", "unrejected");
  }

  @Test
  void a_redelivery_under_a_new_event_id_changes_nothing_and_reports_nothing_new() {
    String move =
        application(
            "candidate_stage_change",
            901,
            candidate(78, "Ada", "a@example.com"),
            "active",
            2,
            "Phone Screen",
            T2);
    run.deliver(
        application(
            "new_candidate_application",
            901,
            candidate(78, "Ada", "a@example.com"),
            "active",
            1,
            "Application Review",
            T1));
    run.deliver(move);
    assertThat(run.accepts(move))
        .as("the very same body under a new event id is a replay, refused at the door")
        .isFalse();
    // the same change in other bytes (another serialization) reaches the applier: still nothing
    run.deliver(move + " ");

    assertThat(run.eventTypes()).containsExactly("application_created", "stage_changed");
  }

  @Test
  void a_hire_without_activity_time_is_ordered_by_the_offer_acceptance() {
    var ada = candidate(79, "Ada", "h@example.com");
    run.deliver(Payloads.hire(902, ada, T3));
    // an older stage move arriving after the hire must not undo it
    assertThat(
            run.deliver(application("candidate_stage_change", 902, ada, "active", 2, "Offer", T2))
                .outcome())
        .startsWith("skipped");
    ApplicationRow hired =
        run.read(h -> run.mirror.applications().find(h, run.tenant, 902)).orElseThrow();
    assertThat(hired.status()).isEqualTo("hired");
    assertThat(hired.hiredAt()).isEqualTo(T3);
    assertThat(hired.offer().get("id").asLong()).isEqualTo(506409);

    run.deliver(application("unhire_candidate", 902, ada, "active", 2, "Offer", T4));

    ApplicationRow unhired =
        run.read(h -> run.mirror.applications().find(h, run.tenant, 902)).orElseThrow();
    assertThat(unhired.status()).isEqualTo("active");
    assertThat(unhired.hiredAt()).isNull();
    assertThat(run.eventTypes()).containsExactly("hired", "unhired");
  }

  @Test
  void a_hire_keeps_the_stage_and_contact_details_its_partial_payload_does_not_carry() {
    var ada = candidate(80, "Ada", "p@example.com");
    run.deliver(application("candidate_stage_change", 903, ada, "active", 4, "Offer", T1));
    var partial = candidate(80, "Ada", "p@example.com");
    partial.remove("tags");
    partial.remove("company");
    run.deliver(Payloads.hire(903, partial, T2));

    ApplicationRow app =
        run.read(h -> run.mirror.applications().find(h, run.tenant, 903)).orElseThrow();
    assertThat(app.currentStageName()).isEqualTo("Offer");
    assertThat(app.status()).isEqualTo("hired");
    assertThat(app.source().get("public_name").asText()).isEqualTo("LinkedIn");
    CandidateRow row = run.read(h -> run.mirror.candidates().find(h, run.tenant, 80)).orElseThrow();
    assertThat(row.company()).isEqualTo("Analytical Engines");
    assertThat(row.tags()).hasSize(2);
  }

  @Test
  void a_candidate_update_is_not_undone_by_an_older_application_snapshot() {
    run.deliver(Payloads.updateCandidate(candidate(81, "Ada", "new@example.com")));
    // the snapshot inside an application event from before the update arrives late
    run.deliver(
        application(
            "application_updated",
            904,
            candidate(81, "Old", "old@example.com"),
            "active",
            1,
            "Review",
            T1));

    CandidateRow row = run.read(h -> run.mirror.candidates().find(h, run.tenant, 81)).orElseThrow();
    assertThat(row.firstName()).isEqualTo("Ada");
    assertThat(run.idsByEmail("NEW@example.com")).containsExactly(81L);
    assertThat(run.idsByEmail("old@example.com")).isEmpty();
  }

  @Test
  void job_post_updates_are_ordered_by_their_updated_at() {
    run.deliver(Payloads.jobPost("job_post_updated", 700, "Newest title", T3));
    run.deliver(Payloads.jobPost("job_post_created", 700, "First title", T1));
    run.deliver(Payloads.jobPost("job_post_updated", 700, "Middle title", T2));

    JobPostRow post = run.read(h -> run.mirror.jobs().jobPost(h, run.tenant, 700)).orElseThrow();
    assertThat(post.title()).isEqualTo("Newest title");
    assertThat(run.eventTypes()).containsExactly("job_post_updated");
  }
}
