package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final FakeTime time = new FakeTime();
  HarvestClient harvest;

  @BeforeEach
  void connect() {
    harvest = TestClients.client(greenhouse, time);
  }

  private static MockResponse ok(String body, int limit, int remaining) {
    return new MockResponse.Builder()
        .code(200)
        .body(body)
        .addHeader("X-RateLimit-Limit", limit)
        .addHeader("X-RateLimit-Remaining", remaining)
        .build();
  }

  private static MockResponse tooMany(String header, Object value) {
    MockResponse.Builder b = new MockResponse.Builder().code(429).body("");
    if (header != null) {
      b.addHeader(header, value);
    }
    return b.build();
  }

  @Test
  void waits_the_retry_after_seconds_of_a_429_then_retries_the_read() {
    greenhouse.enqueue(tooMany("Retry-After", "7"));
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":42}").build());

    assertThat(harvest.jobs().get(42).id()).isEqualTo(42);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(greenhouse.getRequestCount()).isEqualTo(2);
  }

  @Test
  void reads_a_retry_after_above_a_billion_as_an_epoch_timestamp() {
    long epoch = time.instant().getEpochSecond() + 4;
    greenhouse.enqueue(tooMany("Retry-After", Long.toString(epoch)));
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":42}").build());

    harvest.jobs().get(42);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void reads_a_retry_after_given_as_an_http_date() {
    String inSixSeconds =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.instant().plusSeconds(6).atZone(java.time.ZoneOffset.UTC));
    greenhouse.enqueue(tooMany("Retry-After", inSixSeconds));
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":42}").build());

    harvest.jobs().get(42);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(6));
  }

  @Test
  void falls_back_to_x_ratelimit_reset_when_retry_after_is_missing() {
    long epoch = time.instant().getEpochSecond() + 3;
    greenhouse.enqueue(tooMany("X-RateLimit-Reset", Long.toString(epoch)));
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":42}").build());

    harvest.jobs().get(42);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void waits_one_window_when_a_429_says_nothing() {
    greenhouse.enqueue(tooMany(null, null));
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":42}").build());

    harvest.jobs().get(42);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void a_429_on_a_write_is_reported_with_its_wait_and_not_resent() {
    greenhouse.enqueue(tooMany("Retry-After", "5"));
    HarvestClient.Acting asUser = harvest.onBehalfOf(TestClients.ACTING_USER);

    assertThatThrownBy(() -> asUser.candidates().addNote(1, new NewNote(2, "hello", "public")))
        .isInstanceOfSatisfying(
            HarvestRateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
              assertThat(e.status()).isEqualTo(429);
            });
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
    assertThat(harvest.rateLimit().blockedUntil()).contains(time.instant().plusSeconds(5));
  }

  @Test
  void a_429_holds_every_later_call_of_the_credential_until_retry_after() {
    greenhouse.enqueue(tooMany("Retry-After", "5"));
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":1}").build());
    HarvestClient.Acting asUser = harvest.onBehalfOf(TestClients.ACTING_USER);
    assertThatThrownBy(() -> asUser.candidates().addNote(1, new NewNote(2, "hello", "public")))
        .isInstanceOf(HarvestRateLimitedException.class);

    harvest.users().get(1);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void pauses_until_the_window_ends_when_remaining_reaches_zero() {
    greenhouse.enqueue(ok("{\"id\":1}", 3, 2));
    greenhouse.enqueue(ok("{\"id\":2}", 3, 1));
    greenhouse.enqueue(ok("{\"id\":3}", 3, 0));
    greenhouse.enqueue(ok("{\"id\":4}", 3, 2));

    harvest.jobs().get(1);
    time.advance(Duration.ofSeconds(1));
    harvest.jobs().get(2);
    harvest.jobs().get(3);
    assertThat(time.sleeps).as("budget not spent yet").isEmpty();

    harvest.jobs().get(4);

    assertThat(time.sleeps)
        .as("the first call left 1 s ago; its slot is held 10.5 s (window + late-arrival margin)")
        .containsExactly(Duration.ofMillis(9500));
    assertThat(greenhouse.getRequestCount()).isEqualTo(4);
  }

  @Test
  void reads_the_limit_from_the_headers_whatever_their_case() {
    greenhouse.enqueue(
        new MockResponse.Builder()
            .body("{\"id\":1}")
            .addHeader("x-ratelimit-limit", "20")
            .addHeader("X-Ratelimit-Remaining", "0")
            .build());
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":2}").build());

    harvest.jobs().get(1);
    assertThat(harvest.rateLimit().limit()).hasValue(20);
    assertThat(harvest.rateLimit().remaining()).hasValue(0);

    harvest.jobs().get(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void reads_leave_the_reserved_calls_to_writes() {
    harvest = TestClients.builder(greenhouse, time).reserveForWrites(2).build();
    HarvestClient.Acting asUser = harvest.onBehalfOf(TestClients.ACTING_USER);
    greenhouse.enqueue(ok("{\"id\":1}", 50, 2));
    greenhouse.enqueue(ok("{\"id\":9}", 50, 1));
    greenhouse.enqueue(ok("{\"id\":2}", 50, 49));

    harvest.jobs().get(1);
    asUser.applications().update(9, ApplicationPatch.empty().withSource(3));
    assertThat(time.sleeps).as("a write may use the reserve").isEmpty();

    harvest.jobs().get(2);
    assertThat(time.sleeps)
        .as("a read waits for the next window")
        .containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void a_reserving_view_holds_its_reads_while_the_plain_client_and_writes_go_on() {
    HarvestClient sync = harvest.withReadReserve(3);
    HarvestClient.Acting pusher = harvest.onBehalfOf(TestClients.ACTING_USER);
    greenhouse.enqueue(ok("[{\"id\":1}]", 50, 3));
    greenhouse.enqueue(ok("{\"id\":9}", 50, 2));
    greenhouse.enqueue(ok("{\"id\":9}", 50, 1));
    greenhouse.enqueue(ok("[{\"id\":2}]", 50, 49));

    sync.jobs().list(JobFilter.all()).toList();
    pusher.candidates().get(9);
    pusher.applications().update(9, ApplicationPatch.empty().withSource(3));
    assertThat(time.sleeps).as("the push's read and write use the headroom").isEmpty();

    sync.jobs().list(JobFilter.all()).toList();
    assertThat(time.sleeps)
        .as("the sync waits for the next window")
        .containsExactly(Duration.ofSeconds(10));
    assertThat(sync.rateLimit()).isEqualTo(harvest.rateLimit());
  }

  @Test
  void the_client_and_its_acting_views_share_one_budget() {
    HarvestClient.Acting alice = harvest.onBehalfOf(GreenhouseUserId.of(1));
    HarvestClient.Acting bob = harvest.onBehalfOf(GreenhouseUserId.of(2));
    greenhouse.enqueue(ok("{\"id\":1}", 2, 1));
    greenhouse.enqueue(ok("{\"id\":2}", 2, 0));
    greenhouse.enqueue(ok("{\"id\":3}", 2, 1));

    alice.jobs().get(1);
    bob.candidates().get(2);
    harvest.users().get(3);

    assertThat(time.sleeps).containsExactly(Duration.ofMillis(10_500));
    assertThat(alice.rateLimit()).isEqualTo(harvest.rateLimit());
  }
}
