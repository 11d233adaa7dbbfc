package io.headhuntr.harvest;

import static io.headhuntr.harvest.ScriptedGreenhouseV3.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.headhuntr.harvest.internal.V3Transport;
import io.headhuntr.harvest.v3.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pacing on Harvest v3's headers, and the error answers every call can get. */
class V3PacingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final ScriptedGreenhouseV3 greenhouse = new ScriptedGreenhouseV3(time);
  V3Transport transport;

  @BeforeEach
  void connect() {
    server.setDispatcher(greenhouse);
    transport =
        ScriptedGreenhouseV3.transport(server, time, ScriptedGreenhouseV3.clientCredentials());
  }

  /** Greenhouse's v3 budget as the contract describes it: rolling 30 s, headers in lower-l case. */
  private void rollingWindow(int limit) {
    rollingWindow(limit, Duration.ZERO);
  }

  /** The same, each call taking {@code latency} of the shared clock to answer. */
  private void rollingWindow(int limit, Duration latency) {
    Deque<Instant> recent = new ArrayDeque<>();
    greenhouse.harvest =
        seen -> {
          synchronized (recent) {
            Instant now = seen.at();
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minusSeconds(30))) {
              recent.pollFirst();
            }
            MockResponse.Builder b = new MockResponse.Builder();
            long reset = now.getEpochSecond() + 30;
            if (recent.size() >= limit) {
              long wait = Duration.between(now, recent.peekFirst().plusSeconds(30)).toSeconds() + 1;
              b.code(429).addHeader("Retry-After", wait).addHeader("X-Ratelimit-Remaining", 0);
            } else {
              recent.addLast(now);
              b.code(200).body("[]").addHeader("X-Ratelimit-Remaining", limit - recent.size());
            }
            time.advance(latency);
            return b.addHeader("X-Ratelimit-Limit", limit)
                .addHeader("X-Ratelimit-Reset", reset)
                .build();
          }
        };
  }

  @Test
  void learns_the_30_s_window_and_never_sends_more_than_the_limit_in_any_window() {
    rollingWindow(5);

    for (int i = 0; i < 16; i++) {
      transport.list("/v3/jobs", Map.of(), Object.class).toList();
    }

    List<Instant> sent =
        greenhouse.harvestCalls.stream().map(ScriptedGreenhouseV3.Seen::at).toList();
    assertThat(sent).hasSize(16);
    for (int i = 0; i + 5 < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i), sent.get(i + 5)))
          .as("calls %d and %d", i, i + 5)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }
    // Paced, not stalled: three full windows (plus the pacer's 5 % margin) for 16 calls.
    assertThat(Duration.between(sent.get(0), sent.get(15)))
        .isLessThanOrEqualTo(Duration.ofSeconds(100));
    assertThat(transport.rateLimitStatus().limit()).hasValue(5);
  }

  @Test
  void calls_spread_over_a_window_come_back_one_by_one_and_the_bound_holds() {
    rollingWindow(10, Duration.ofMillis(300));
    Instant start = time.instant();

    for (int i = 0; i < 40; i++) {
      transport.list("/v3/jobs", Map.of(), Object.class).toList();
    }

    assertThat(greenhouse.harvestCalls).hasSize(40);
    Duration bound = Duration.ofSeconds(40 * 30 / 10);
    assertThat(Duration.between(start, time.instant()))
        .as("40 calls at 10 per rolling 30 s: within 5 %% of 40 x 30 s / 10")
        .isLessThanOrEqualTo(bound.plus(bound.dividedBy(20)));
  }

  @Test
  void a_429_waits_its_retry_after_then_retries_the_read() {
    greenhouse.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("").build());
    greenhouse.enqueue(json(200, "[{\"id\":1}]"));

    assertThat(transport.list("/v3/jobs", Map.of(), Object.class).toList()).hasSize(1);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(
            Duration.between(
                greenhouse.harvestCalls.get(0).at(), greenhouse.harvestCalls.get(1).at()))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void a_write_answered_429_is_not_resent_and_says_how_long_to_wait() {
    greenhouse.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "12").body("").build());

    HarvestRateLimitedException e =
        catchThrowableOfType(
            HarvestRateLimitedException.class,
            () -> transport.write("POST", "/v3/notes", Map.of(), Actor.credential(), Object.class));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    assertThat(greenhouse.harvestCalls).hasSize(1);
  }

  @Test
  void a_403_carries_greenhouses_message_naming_the_missing_scope() {
    greenhouse.enqueue(
        json(403, "{\"message\":\"This token lacks the scope harvest:candidates:create\"}"));

    HarvestForbiddenException e =
        catchThrowableOfType(
            HarvestForbiddenException.class,
            () ->
                transport.write(
                    "POST", "/v3/candidates", Map.of(), Actor.credential(), Object.class));

    assertThat(e)
        .hasMessageContaining("POST /v3/candidates -> 403")
        .hasMessageContaining("This token lacks the scope harvest:candidates:create");
    assertThat(greenhouse.harvestCalls).hasSize(1);
  }

  @Test
  void a_404_is_not_found() {
    greenhouse.enqueue(json(404, "{\"message\":\"Resource not found\"}"));

    assertThat(
            catchThrowableOfType(
                HarvestNotFoundException.class,
                () ->
                    transport.write(
                        "DELETE", "/v3/applications/5", null, Actor.credential(), Object.class)))
        .hasMessageContaining("Resource not found");
  }
}
