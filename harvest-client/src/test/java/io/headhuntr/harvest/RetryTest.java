package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final FakeTime time = new FakeTime();
  HarvestClient harvest;
  HarvestClient.Acting asUser;

  @BeforeEach
  void connect() {
    harvest = TestClients.client(greenhouse, time);
    asUser = harvest.onBehalfOf(TestClients.ACTING_USER);
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder()
        .code(code)
        .body("{\"message\":\"Server timeout in API\"}")
        .build();
  }

  private static NewCandidate alice() {
    return NewCandidate.of("Alice", "Example", NewApplication.forJob(4285367007L));
  }

  @Test
  void retries_a_read_after_a_server_error_and_returns_the_answer() {
    greenhouse.enqueue(status(500));
    greenhouse.enqueue(status(503));
    greenhouse.enqueue(
        new MockResponse.Builder().body("{\"id\":5,\"name\":\"Engineering\"}").build());

    assertThat(harvest.departments().get(5).name()).isEqualTo("Engineering");
    assertThat(greenhouse.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).hasSize(2);
  }

  @Test
  void backs_off_with_growing_jittered_waits() {
    greenhouse.enqueue(status(500));
    greenhouse.enqueue(status(500));
    greenhouse.enqueue(status(500));
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":5}").build());

    harvest.departments().get(5);

    assertThat(time.sleeps).hasSize(3);
    assertThat(time.sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(time.sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(time.sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void gives_up_on_a_read_after_the_bounded_number_of_attempts() {
    for (int i = 0; i < 4; i++) {
      greenhouse.enqueue(status(502));
    }
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":5}").build());

    assertThatThrownBy(() -> harvest.departments().get(5))
        .isInstanceOfSatisfying(
            HarvestServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.getMessage())
                  .contains("GET /v1/departments/5 -> 502", "Server timeout in API");
            });
    assertThat(greenhouse.getRequestCount()).isEqualTo(4);
  }

  @Test
  void retries_a_read_whose_connection_dropped() {
    greenhouse.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":5}").build());

    assertThat(harvest.jobs().get(5).id()).isEqualTo(5);
    assertThat(greenhouse.getRequestCount()).isEqualTo(2);
  }

  @Test
  void never_resends_a_create_that_got_a_server_error() {
    greenhouse.enqueue(status(500));
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":1}").build());

    assertThatThrownBy(() -> asUser.candidates().create(alice()))
        .isInstanceOfSatisfying(
            HarvestServerException.class, e -> assertThat(e.status()).isEqualTo(500));
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
  }

  @Test
  void never_resends_a_create_that_timed_out() {
    greenhouse.enqueue(
        new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    greenhouse.enqueue(new MockResponse.Builder().body("{\"id\":1}").build());

    HarvestClient.Acting impatient =
        TestClients.builder(greenhouse, time)
            .requestTimeout(Duration.ofMillis(500))
            .build()
            .onBehalfOf(TestClients.ACTING_USER);

    assertThatThrownBy(() -> impatient.candidates().create(alice()))
        .isInstanceOfSatisfying(
            HarvestTransportException.class,
            e -> {
              assertThat(e.mayHaveApplied()).isTrue();
              assertThat(e.status()).isZero();
              assertThat(e.getMessage()).contains("POST /v1/candidates", "AMBIGUOUS", "look it up");
            });
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_write_whose_connection_dropped_after_sending_is_ambiguous() {
    greenhouse.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

    assertThatThrownBy(() -> asUser.prospects().create(NewProspect.of("Bob", "Example")))
        .isInstanceOfSatisfying(
            HarvestTransportException.class, e -> assertThat(e.mayHaveApplied()).isTrue());
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_write_that_could_not_connect_was_not_applied() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HarvestClient offline =
        HarvestClient.builder()
            .apiKey(HarvestApiKey.of(TestClients.DOCS_KEY))
            .baseUrl(URI.create("http://127.0.0.1:" + closedPort))
            .clock(time)
            .sleeper(time)
            .build();

    assertThatThrownBy(
            () -> offline.onBehalfOf(TestClients.ACTING_USER).candidates().create(alice()))
        .isInstanceOfSatisfying(
            HarvestTransportException.class,
            e -> {
              assertThat(e.mayHaveApplied()).isFalse();
              assertThat(e.getMessage()).contains("Could not connect", "safe to try again");
            });
  }

  @Test
  void a_read_that_keeps_timing_out_fails_as_not_applied() {
    for (int i = 0; i < 4; i++) {
      greenhouse.enqueue(
          new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    }
    harvest =
        TestClients.builder(greenhouse, time)
            .requestTimeout(Duration.ofMillis(200))
            .maxAttempts(2)
            .build();

    assertThatThrownBy(() -> harvest.users().get(1))
        .isInstanceOfSatisfying(
            HarvestTransportException.class, e -> assertThat(e.mayHaveApplied()).isFalse());
    assertThat(greenhouse.getRequestCount()).isEqualTo(2);
  }

  @Test
  void does_not_retry_a_client_error() {
    greenhouse.enqueue(
        new MockResponse.Builder().code(404).body("{\"message\":\"Resource not found\"}").build());

    assertThatThrownBy(() -> harvest.users().get(1)).isInstanceOf(HarvestNotFoundException.class);
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void the_retry_rule_covers_reads_with_transient_failures_only() {
    var policy = io.headhuntr.harvest.internal.RetryPolicy.defaults(3);
    IOException dropped = new IOException("reset");
    for (String write : List.of("POST", "PATCH", "PUT", "DELETE")) {
      assertThat(policy.shouldRetry(write, 1, 500, null)).as(write).isFalse();
      assertThat(policy.shouldRetry(write, 1, 0, dropped)).as(write).isFalse();
      assertThat(policy.shouldRetry(write, 1, 429, null)).as(write).isFalse();
    }
    assertThat(policy.shouldRetry("GET", 1, 500, null)).isTrue();
    assertThat(policy.shouldRetry("GET", 1, 429, null)).isTrue();
    assertThat(policy.shouldRetry("GET", 1, 0, dropped)).isTrue();
    assertThat(policy.shouldRetry("GET", 3, 500, null)).as("bound reached").isFalse();
    assertThat(policy.shouldRetry("GET", 1, 404, null)).isFalse();
    assertThat(policy.shouldRetry("GET", 1, 422, null)).isFalse();
    assertThat(policy.shouldRetry("GET", 1, 200, null)).isFalse();
  }
}
