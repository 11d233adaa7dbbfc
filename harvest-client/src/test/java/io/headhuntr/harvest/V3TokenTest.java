package io.headhuntr.harvest;

import static io.headhuntr.harvest.ScriptedGreenhouseV3.accessToken;
import static io.headhuntr.harvest.ScriptedGreenhouseV3.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.headhuntr.harvest.internal.V3Transport;
import io.headhuntr.harvest.v3.Actor;
import io.headhuntr.harvest.v3.HarvestV3Client;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client-credentials tokens: how they are fetched, cached, shared and renewed. */
class V3TokenTest {
  static final GreenhouseUserId RECRUITER = GreenhouseUserId.of(4280249007L);

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final ScriptedGreenhouseV3 greenhouse = new ScriptedGreenhouseV3(time);
  HarvestV3Client harvest;
  V3Transport transport;

  @BeforeEach
  void connect() {
    server.setDispatcher(greenhouse);
    harvest =
        ScriptedGreenhouseV3.builder(server, time, ScriptedGreenhouseV3.clientCredentials())
            .build();
    transport =
        ScriptedGreenhouseV3.transport(server, time, ScriptedGreenhouseV3.clientCredentials());
  }

  private void read() {
    transport.list("/v3/jobs", Map.of(), Object.class).toList();
  }

  @Test
  void fetches_a_token_with_basic_client_auth_and_a_form_body_then_sends_it_as_bearer() {
    read();

    assertThat(greenhouse.tokenCalls).hasSize(1);
    ScriptedGreenhouseV3.Seen token = greenhouse.tokenCalls.get(0);
    assertThat(token.request().getMethod()).isEqualTo("POST");
    assertThat(token.target()).isEqualTo("/token");
    assertThat(token.header("Authorization")).isEqualTo(ScriptedGreenhouseV3.EXPECTED_BASIC);
    assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(token.form()).containsExactly(Map.entry("grant_type", "client_credentials"));
    assertThat(greenhouse.harvestCalls.get(0).header("Authorization"))
        .isEqualTo("Bearer " + accessToken(1));
  }

  @Test
  void
      an_acting_view_writes_with_a_token_whose_sub_is_its_user_and_reads_use_the_credentials_own() {
    greenhouse.enqueue(json(201, "{\"id\":9}"));
    transport.write("POST", "/v3/notes", Map.of("body", "hi"), Actor.user(RECRUITER), Map.class);
    read();

    assertThat(greenhouse.tokenCalls)
        .extracting(s -> s.form().get("sub"))
        .containsExactly("4280249007", null);
    assertThat(greenhouse.harvestCalls)
        .extracting(s -> s.header("Authorization"))
        .containsExactly("Bearer " + accessToken(1), "Bearer " + accessToken(2));
  }

  @Test
  void keeps_a_token_until_shortly_before_expires_at_then_fetches_another() {
    read();
    time.advance(Duration.ofMinutes(58));
    read();
    assertThat(greenhouse.tokenCalls).hasSize(1);

    time.advance(Duration.ofSeconds(90));
    read();

    assertThat(greenhouse.tokenCalls).hasSize(2);
    assertThat(greenhouse.harvestCalls.get(2).header("Authorization"))
        .isEqualTo("Bearer " + accessToken(2));
  }

  @Test
  void honours_expires_in_when_the_answer_has_no_expires_at() {
    greenhouse.enqueueToken(
        json(
            200,
            "{\"token_type\":\"Bearer\",\"access_token\":\"short-lived-token-0001\",\"expires_in\":120}"));
    read();
    time.advance(Duration.ofSeconds(100));
    read();
    assertThat(greenhouse.tokenCalls).hasSize(1);

    time.advance(Duration.ofSeconds(15));
    read();

    assertThat(greenhouse.tokenCalls).hasSize(2);
  }

  @Test
  void sixteen_threads_asking_at_once_cause_one_token_call() throws Exception {
    greenhouse.tokenGate = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 16; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  read();
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    // Open the gate only when every thread is parked: in the token call or queued behind it.
    Set<Thread.State> parked =
        Set.of(Thread.State.BLOCKED, Thread.State.WAITING, Thread.State.TIMED_WAITING);
    Instant deadline = Instant.now().plusSeconds(10);
    while (!threads.stream().allMatch(t -> parked.contains(t.getState()))
        && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }
    greenhouse.tokenGate.countDown();
    for (Thread t : threads) {
      t.join(10_000);
    }

    assertThat(failures).isEmpty();
    assertThat(greenhouse.tokenCalls).hasSize(1);
    assertThat(greenhouse.harvestCalls).hasSize(16);
  }

  @Test
  void a_401_renews_the_token_once_and_resends_the_read_once() {
    greenhouse.enqueue(json(401, "{\"message\":\"Token expired\"}"));
    greenhouse.enqueue(json(200, "[{\"id\":1}]"));

    assertThat(transport.list("/v3/jobs", Map.of(), Map.class).toList()).hasSize(1);

    assertThat(greenhouse.tokenCalls).hasSize(2);
    assertThat(greenhouse.harvestCalls)
        .extracting(s -> s.header("Authorization"))
        .containsExactly("Bearer " + accessToken(1), "Bearer " + accessToken(2));
  }

  @Test
  void a_second_401_after_the_renewal_is_unauthorized() {
    greenhouse.enqueue(json(401, "{\"message\":\"Token revoked\"}"));
    greenhouse.enqueue(json(401, "{\"message\":\"Token revoked\"}"));

    HarvestUnauthorizedException e =
        catchThrowableOfType(HarvestUnauthorizedException.class, this::read);

    assertThat(e).hasMessageContaining("GET /v3/jobs -> 401").hasMessageContaining("Token revoked");
    assertThat(greenhouse.harvestCalls).hasSize(2);
    assertThat(greenhouse.tokenCalls).hasSize(2);
  }

  @Test
  void a_write_refused_with_401_is_sent_again_exactly_once_with_a_fresh_token() {
    greenhouse.enqueue(json(401, "{\"message\":\"Token expired\"}"));
    greenhouse.enqueue(json(201, "{\"id\":5}"));

    Map<?, ?> created =
        transport.write(
            "POST",
            "/v3/candidates",
            Map.of("first_name", "Ada"),
            Actor.user(RECRUITER),
            Map.class);

    assertThat(created.get("id")).isEqualTo(5);
    assertThat(greenhouse.harvestCalls).hasSize(2);
    assertThat(greenhouse.tokenCalls)
        .extracting(s -> s.form().get("sub"))
        .containsExactly("4280249007", "4280249007");
  }

  @Test
  void a_wrong_client_secret_is_unauthorized_and_the_message_names_no_secret() {
    greenhouse.enqueueToken(
        json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

    HarvestUnauthorizedException e =
        catchThrowableOfType(HarvestUnauthorizedException.class, this::read);

    assertThat(e).hasMessageContaining("POST /token -> 401").hasMessageContaining("invalid_client");
    assertThat(e.getMessage()).doesNotContain(ScriptedGreenhouseV3.SECRET);
    assertThat(greenhouse.harvestCalls).isEmpty();
  }

  @Test
  void a_sub_that_cannot_act_is_refused_naming_the_sub_field() {
    greenhouse.enqueueToken(
        json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"user is deactivated\"}"));

    HarvestValidationException e =
        catchThrowableOfType(
            HarvestValidationException.class,
            () -> transport.write("POST", "/v3/notes", Map.of(), Actor.user(RECRUITER), Map.class));

    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("sub");
    assertThat(e).hasMessageContaining("user is deactivated");
  }

  @Test
  void a_429_from_the_token_endpoint_waits_its_retry_after_then_asks_again() {
    greenhouse.enqueueToken(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "5").body("").build());

    read();

    assertThat(greenhouse.tokenCalls).hasSize(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5));
    assertThat(
            Duration.between(greenhouse.tokenCalls.get(0).at(), greenhouse.tokenCalls.get(1).at()))
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void the_token_endpoint_is_paced_on_its_own_budget_not_on_harvests() {
    for (int remaining = 1; remaining >= 0; remaining--) {
      greenhouse.enqueueToken(
          new MockResponse.Builder()
              .code(200)
              .addHeader("X-Ratelimit-Limit", "2")
              .addHeader("X-Ratelimit-Remaining", remaining)
              .addHeader("X-Ratelimit-Reset", time.instant().getEpochSecond() + 60)
              .body(
                  "{\"access_token\":\"token-of-user-"
                      + remaining
                      + "-xxxxxxxx\",\"expires_at\":\"2030-01-01T00:00:00Z\"}")
              .build());
    }
    for (long user = 1; user <= 3; user++) {
      greenhouse.enqueue(json(201, "{}"));
      transport.write(
          "POST", "/v3/notes", Map.of(), Actor.user(GreenhouseUserId.of(user)), Map.class);
    }

    assertThat(greenhouse.tokenCalls).hasSize(3);
    assertThat(
            Duration.between(greenhouse.tokenCalls.get(1).at(), greenhouse.tokenCalls.get(2).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(transport.rateLimitStatus().limit()).isEmpty();
  }
}
