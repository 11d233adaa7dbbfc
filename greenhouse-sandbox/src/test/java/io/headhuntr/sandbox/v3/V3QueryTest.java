package io.headhuntr.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query rules of v3 lists: cursor alone, per_page, ids, time filters (contract section 8). */
class V3QueryTest {

  private static String field(V3Failure e) {
    return e.body().path("errors").path(0).path("field").asText();
  }

  @Test
  void a_first_request_pages_by_100_from_the_top() {
    V3Query q = V3Query.of(Map.of());
    assertThat(q.perPage()).isEqualTo(100);
    assertThat(q.below()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void a_cursor_carries_the_first_query_and_the_last_id() {
    V3Query first = V3Query.of(Map.of("per_page", "7", "status", "active"));
    String cursor = first.next(4_000_000_123L).encode();

    V3Query next = V3Query.of(Map.of("cursor", cursor));

    assertThat(next.perPage()).isEqualTo(7);
    assertThat(next.below()).isEqualTo(4_000_000_123L);
    assertThat(next.text("status")).isEqualTo("active");
    assertThat(cursor).doesNotContain("=", "+", "/");
  }

  @Test
  void rejects_a_cursor_combined_with_another_parameter() {
    String cursor = V3Query.of(Map.of()).next(5).encode();
    assertThatThrownBy(() -> V3Query.of(Map.of("cursor", cursor, "per_page", "10")))
        .isInstanceOfSatisfying(
            V3Failure.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(field(e)).isEqualTo("cursor");
            });
  }

  @Test
  void rejects_a_cursor_that_does_not_decode() {
    String notJson = Base64.getUrlEncoder().encodeToString("hello".getBytes());
    for (String bad :
        new String[] {"%%%", notJson, Base64.getUrlEncoder().encodeToString("{}".getBytes())}) {
      assertThatThrownBy(() -> V3Query.of(Map.of("cursor", bad)))
          .isInstanceOfSatisfying(V3Failure.class, e -> assertThat(field(e)).isEqualTo("cursor"));
    }
  }

  @Test
  void per_page_must_be_between_1_and_500() {
    assertThat(V3Query.of(Map.of("per_page", "500")).perPage()).isEqualTo(500);
    for (String bad : new String[] {"0", "501", "ten"}) {
      assertThatThrownBy(() -> V3Query.of(Map.of("per_page", bad)))
          .isInstanceOfSatisfying(V3Failure.class, e -> assertThat(field(e)).isEqualTo("per_page"));
    }
  }

  @Test
  void ids_accepts_at_most_50() {
    StringBuilder fifty = new StringBuilder("1");
    for (int i = 2; i <= 50; i++) {
      fifty.append(',').append(i);
    }
    assertThat(V3Query.of(Map.of("ids", fifty.toString())).ids("ids")).hasSize(50);
    assertThatThrownBy(() -> V3Query.of(Map.of("ids", fifty + ",51")).ids("ids"))
        .isInstanceOfSatisfying(
            V3Failure.class,
            e -> {
              assertThat(field(e)).isEqualTo("ids");
              assertThat(e.getMessage()).contains("at most 50");
            });
    assertThatThrownBy(() -> V3Query.of(Map.of("candidate_ids", "1,x")).ids("candidate_ids"))
        .isInstanceOfSatisfying(
            V3Failure.class, e -> assertThat(field(e)).isEqualTo("candidate_ids"));
  }

  @Test
  void time_filters_combine_bounds() {
    TimeFilter january =
        V3Query.of(Map.of("updated_at", "gte|2026-01-01T00:00:00Z|lt|2026-02-01T00:00:00Z"))
            .time("updated_at");
    assertThat(january.test(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli())).isTrue();
    assertThat(january.test(Instant.parse("2026-01-31T23:59:59Z").toEpochMilli())).isTrue();
    assertThat(january.test(Instant.parse("2026-02-01T00:00:00Z").toEpochMilli())).isFalse();
    assertThat(january.test(Instant.parse("2025-12-31T23:59:59Z").toEpochMilli())).isFalse();
    TimeFilter after = TimeFilter.parse("created_at", "gt|2026-01-01T00:00:00Z");
    assertThat(after.test(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli())).isFalse();
  }

  @Test
  void rejects_a_malformed_time_filter_naming_the_parameter() {
    for (String bad : new String[] {"2026-01-01", "after|2026-01-01", "gte|yesterday", "gte"}) {
      assertThatThrownBy(() -> TimeFilter.parse("last_activity_at", bad))
          .isInstanceOfSatisfying(
              V3Failure.class, e -> assertThat(field(e)).isEqualTo("last_activity_at"));
    }
  }
}
