package io.headhuntr.harvest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The v3 pacer takes its window from {@code X-Ratelimit-Reset}; the v1 pacer keeps 10 s. */
class RateLimitPacerWindowTest {
  static final Instant NOW = Instant.parse("2026-05-11T13:53:45.400Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private static HarvestResponse answer(Map<String, List<String>> headers) {
    return HarvestResponse.of(200, headers, new byte[0]);
  }

  @Test
  void learns_the_window_from_reset_minus_now_in_any_capitalisation() {
    RateLimitPacer pacer = RateLimitPacer.learningWindow(clock, d -> {}, 0, Duration.ofSeconds(10));

    pacer.observe(
        answer(Map.of("x-ratelimit-reset", List.of(Long.toString(NOW.getEpochSecond() + 30)))));

    assertThat(pacer.window()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void keeps_a_30_s_window_when_a_rounded_down_reset_reads_as_29_s() {
    RateLimitPacer pacer = RateLimitPacer.learningWindow(clock, d -> {}, 0, Duration.ofSeconds(30));

    // Sent at :00.9, read at :01.02: Greenhouse rounds its reset down to a whole second.
    pacer.observe(
        answer(Map.of("X-Ratelimit-Reset", List.of(Long.toString(NOW.getEpochSecond() + 29)))));

    assertThat(pacer.window()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void ignores_a_reset_in_the_past_or_absurdly_far_away() {
    RateLimitPacer pacer = RateLimitPacer.learningWindow(clock, d -> {}, 0, Duration.ofSeconds(30));

    pacer.observe(
        answer(Map.of("X-RateLimit-Reset", List.of(Long.toString(NOW.getEpochSecond() - 5)))));
    pacer.observe(
        answer(Map.of("X-RateLimit-Reset", List.of(Long.toString(NOW.getEpochSecond() + 86_400)))));
    pacer.observe(answer(Map.of("X-RateLimit-Reset", List.of("soon"))));

    assertThat(pacer.window()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void the_v1_pacer_keeps_its_10_s_window_whatever_reset_says() {
    RateLimitPacer pacer = new RateLimitPacer(clock, d -> {}, 0);

    pacer.observe(
        answer(Map.of("X-RateLimit-Reset", List.of(Long.toString(NOW.getEpochSecond() + 30)))));

    assertThat(pacer.window()).isEqualTo(Duration.ofSeconds(10));
  }
}
