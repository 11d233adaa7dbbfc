package io.headhuntr.harvest.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** List filters as docs/harvest-v3-wire.md section 8 encodes them, and the ones refused here. */
class ListQueryTest {
  static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");

  @Test
  void asks_for_500_per_page_unless_told_otherwise() {
    assertThat(CommonQuery.all().toQuery()).containsExactly(java.util.Map.entry("per_page", "500"));
    assertThat(CommonQuery.all().perPage(20).toQuery()).containsEntry("per_page", "20");
  }

  @Test
  void encodes_time_filters_as_operator_and_timestamp_pairs() {
    CandidateQuery query =
        CandidateQuery.all()
            .updatedAt(TimeFilter.gte(JAN).andLte(FEB))
            .createdAt(TimeFilter.lt(FEB))
            .lastActivityAt(TimeFilter.gt(JAN));

    assertThat(query.toQuery())
        .containsEntry("updated_at", "gte|2026-01-01T00:00:00Z|lte|2026-02-01T00:00:00Z")
        .containsEntry("created_at", "lt|2026-02-01T00:00:00Z")
        .containsEntry("last_activity_at", "gt|2026-01-01T00:00:00Z");
  }

  @Test
  void writes_parent_and_record_ids_as_comma_lists_once_each() {
    ApplicationQuery query =
        ApplicationQuery.all()
            .candidateIds(List.of(7L, 8L, 7L))
            .jobIds(List.of(6L))
            .ids(List.of(1L, 2L));

    assertThat(query.toQuery())
        .containsEntry("candidate_ids", "7,8")
        .containsEntry("job_ids", "6")
        .containsEntry("ids", "1,2");
  }

  @Test
  void sends_the_resource_specific_filters_under_their_wire_names() {
    assertThat(UserQuery.all().primaryEmail("ada@acme.example").showServiceAccounts(true).toQuery())
        .containsEntry("primary_email", "ada@acme.example")
        .containsEntry("show_service_accounts", "true");
    assertThat(CandidateQuery.all().email("grace@example.com").toQuery())
        .containsEntry("email", "grace@example.com");
    assertThat(ApplicationQuery.all().status("active").toQuery()).containsEntry("status", "active");
    assertThat(CustomFieldOptionQuery.all().customFieldKey("school").toQuery())
        .containsEntry("custom_field_key", "school");
    assertThat(WebhookQuery.all().eventActionType("update_candidate").toQuery())
        .containsEntry("event_action_type", "update_candidate");
    assertThat(ProspectPoolStageQuery.all().prospectPoolIds(List.of(1640L)).toQuery())
        .containsEntry("prospect_pool_ids", "1640");
    assertThat(UserEmailQuery.all().userIds(List.of(4L)).toQuery()).containsEntry("user_ids", "4");
    assertThat(NoteOrAttachmentQuery.all().applicationIds(List.of(8L)).toQuery())
        .containsEntry("application_ids", "8");
  }

  @Test
  void a_query_is_a_value_setting_a_filter_returns_a_new_one() {
    CandidateQuery base = CandidateQuery.all();
    CandidateQuery filtered = base.email("grace@example.com");

    assertThat(base.toQuery()).doesNotContainKey("email");
    assertThat(filtered).isEqualTo(CandidateQuery.all().email("grace@example.com"));
    assertThat(filtered.toString()).doesNotContain("grace").contains("email=<hidden>");
  }

  @Test
  void refuses_more_than_50_ids_in_any_id_filter() {
    List<Long> ids51 = LongStream.rangeClosed(1, 51).boxed().toList();

    assertThatThrownBy(() -> CommonQuery.all().ids(ids51))
        .hasMessage("ids takes at most 50 ids, got 51");
    assertThatThrownBy(() -> ApplicationQuery.all().candidateIds(ids51))
        .hasMessage("candidate_ids takes at most 50 ids, got 51");
    assertThat(CommonQuery.all().ids(ids51.subList(0, 50)).toQuery().get("ids").split(","))
        .hasSize(50);
  }

  @Test
  void refuses_an_empty_id_list_which_would_match_everything() {
    assertThatThrownBy(() -> JobPartQuery.all().jobIds(List.of()))
        .hasMessage("job_ids needs at least one id (an empty list would match everything)");
  }

  @Test
  void refuses_a_page_size_outside_1_to_500() {
    assertThatThrownBy(() -> CommonQuery.all().perPage(501))
        .hasMessage("per_page must be between 1 and 500, got 501");
    assertThatThrownBy(() -> CommonQuery.all().perPage(0))
        .hasMessage("per_page must be between 1 and 500, got 0");
  }

  @Test
  void refuses_an_application_status_greenhouse_does_not_filter_on() {
    assertThatThrownBy(() -> ApplicationQuery.all().status("in_process"))
        .hasMessage("status filters on active (records call it in_process), got in_process");
    assertThatThrownBy(() -> ApplicationQuery.all().status("open"))
        .hasMessage("status must be one of active, converted, hired, rejected, got open");
  }

  @Test
  void refuses_a_time_range_that_matches_nothing_or_has_two_bounds_on_one_side() {
    assertThatThrownBy(() -> TimeFilter.gte(FEB).andLte(JAN))
        .hasMessage(
            "the time filter gte 2026-02-01T00:00:00Z and lte 2026-01-01T00:00:00Z matches nothing");
    assertThatThrownBy(() -> TimeFilter.gt(JAN).andLt(JAN)).hasMessageEndingWith("matches nothing");
    assertThat(TimeFilter.gte(JAN).andLte(JAN).encode())
        .isEqualTo("gte|2026-01-01T00:00:00Z|lte|2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> TimeFilter.gte(JAN).andGt(JAN))
        .hasMessage("the time filter already has a lower bound");
    assertThatThrownBy(() -> new TimeFilter("eq", JAN, null, null))
        .hasMessage("a lower bound is gt or gte, got eq");
  }
}
