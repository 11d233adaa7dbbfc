package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker serving many tenants runs its calls in {@link WaitLimit#atMost}: where the client would
 * sleep (a spent rate limit, a {@code Retry-After}, the backoff before a retry) the call fails at
 * once and says how long to wait, so the worker can reschedule; outside it, the client waits as
 * before.
 */
class WaitLimitTest {
  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final FakeTime time = new FakeTime();
  HarvestClient harvest;

  @BeforeEach
  void connect() {
    harvest = TestClients.client(greenhouse, time);
  }

  @Test
  void a_429_is_not_slept_on_the_caller_is_told_when_to_come_back() {
    greenhouse.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("").build());
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":42}").build());

    assertThatThrownBy(() -> WaitLimit.atMost(Duration.ofMillis(500), () -> harvest.jobs().get(42)))
        .isInstanceOfSatisfying(
            HarvestRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    assertThat(time.sleeps).as("nothing slept").isEmpty();
    assertThat(greenhouse.getRequestCount()).as("not sent again").isEqualTo(1);

    // the same call outside the limit waits and retries, as always
    greenhouse.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "3").body("").build());
    assertThat(harvest.jobs().get(42).id()).isEqualTo(42);
    assertThat(time.sleeps).isNotEmpty();
  }

  @Test
  void a_failing_read_is_not_retried_after_a_backoff_longer_than_the_limit() {
    greenhouse.enqueue(new MockResponse.Builder().code(503).body("").build());
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":42}").build());

    assertThatThrownBy(() -> WaitLimit.atMost(Duration.ZERO, () -> harvest.jobs().get(42)))
        .isInstanceOf(HarvestServerException.class);
    assertThat(time.sleeps).isEmpty();
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
  }
}
