package io.headhuntr.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault with a positive and a negative case, over real HTTP against a Javalin app on a free
 * port.
 */
class FaultInjectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger listed = new AtomicInteger();
  private FaultInjector faults;
  private Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    faults = new FaultInjector(new Random(42), Duration.ofMinutes(5));
    app =
        Javalin.create(
                cfg -> {
                  cfg.routes.post("/sandbox/faults", faults::configure);
                  cfg.routes.post(
                      "/v1/candidates",
                      faults.around(
                          ctx ->
                              ctx.status(201)
                                  .result("{\"id\":" + created.incrementAndGet() + "}")));
                  cfg.routes.get(
                      "/v1/candidates",
                      faults.around(ctx -> ctx.result("[" + listed.incrementAndGet() + "]")));
                  cfg.routes.get("/v1/jobs", faults.around(ctx -> ctx.result("[]")));
                  cfg.routes.get(
                      "/v1/users",
                      faults.around(
                          ctx -> {
                            throw new IllegalStateException("refused by the handler");
                          }));
                  cfg.routes.exception(
                      IllegalStateException.class,
                      (e, ctx) ->
                          ctx.status(422).result("{\"message\":\"" + e.getMessage() + "\"}"));
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    faults.close();
    app.stop();
  }

  private HttpResponse<String> call(String method, String path, String body, Duration timeout)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> call(String method, String path) throws Exception {
    return call(method, path, method.equals("POST") ? "{}" : null, Duration.ofSeconds(5));
  }

  private JsonNode rules(String rulesJson) throws Exception {
    HttpResponse<String> answer =
        call("POST", "/sandbox/faults", "{\"rules\": " + rulesJson + "}", Duration.ofSeconds(5));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  @Test
  void off_by_default() throws Exception {
    assertThat(faults.rules()).isEmpty();
    assertThat(call("POST", "/v1/candidates").statusCode()).isEqualTo(201);
  }

  @Test
  void error_rate_one_answers_500_without_applying_and_zero_applies() throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"method\": \"POST\", \"error_rate\": 1.0}]");
    HttpResponse<String> failed = call("POST", "/v1/candidates");

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(created).hasValue(0);

    rules("[{\"path\": \"/v1/candidates\", \"method\": \"POST\", \"error_rate\": 0.0}]");
    assertThat(call("POST", "/v1/candidates").statusCode()).isEqualTo(201);
    assertThat(created).hasValue(1);
  }

  @Test
  void error_rate_applies_to_about_its_share() throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"error_rate\": 0.3}]");
    int errors = 0;
    for (int i = 0; i < 200; i++) {
      errors += call("GET", "/v1/candidates").statusCode() == 500 ? 1 : 0;
    }
    assertThat(errors).isBetween(35, 85);
    assertThat(listed.get() + errors).isEqualTo(200);
  }

  @Test
  void timeout_after_apply_runs_the_handler_but_the_client_times_out() throws Exception {
    rules(
        "[{\"path\": \"/v1/candidates\", \"method\": \"POST\", \"timeout_after_apply_rate\": 1}]");

    assertThatThrownBy(() -> call("POST", "/v1/candidates", "{}", Duration.ofMillis(700)))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(created).hasValue(1);
    // the server is not blocked by the held request
    assertThat(call("GET", "/v1/jobs").statusCode()).isEqualTo(200);
  }

  @Test
  void timeout_after_apply_rate_zero_answers() throws Exception {
    rules(
        "[{\"path\": \"/v1/candidates\", \"method\": \"POST\", \"timeout_after_apply_rate\": 0}]");

    assertThat(call("POST", "/v1/candidates", "{}", Duration.ofMillis(2000)).statusCode())
        .isEqualTo(201);
  }

  @Test
  void a_held_request_is_reset_when_the_injector_closes() throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"timeout_after_apply_rate\": 1}]");
    var pending =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/candidates"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(5)).until(() -> faults.heldCount() == 1);
    assertThat(listed).hasValue(1);

    faults.close();

    await().atMost(Duration.ofSeconds(5)).until(pending::isDone);
    assertThat(pending).isCompletedExceptionally();
  }

  @Test
  void reset_rate_one_drops_the_connection_without_an_answer_or_applying() throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"reset_rate\": 1}]");

    assertThatThrownBy(() -> call("POST", "/v1/candidates")).isInstanceOf(IOException.class);
    assertThat(created).hasValue(0);
  }

  @Test
  void a_reset_is_a_tcp_reset_not_a_clean_close() throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"reset_rate\": 1}]");

    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              "GET /v1/candidates HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(java.net.SocketException.class)
          .hasMessageContaining("reset");
    }
  }

  @Test
  void reset_rate_zero_answers() throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"reset_rate\": 0}]");

    assertThat(call("POST", "/v1/candidates").statusCode()).isEqualTo(201);
  }

  @Test
  void latency_delays_matching_requests_only() throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"latency_ms\": 700}]");

    long start = System.nanoTime();
    assertThat(call("GET", "/v1/candidates").statusCode()).isEqualTo(200);
    Duration slow = Duration.ofNanos(System.nanoTime() - start);
    start = System.nanoTime();
    assertThat(call("GET", "/v1/jobs").statusCode()).isEqualTo(200);
    Duration fast = Duration.ofNanos(System.nanoTime() - start);

    assertThat(slow).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertThat(fast).isLessThan(Duration.ofMillis(700));
  }

  @Test
  void latency_does_not_hold_a_server_thread_per_request() throws Exception {
    // a server with at most 24 threads: 100 requests sleeping 1 s on its threads would take 5 s+
    Javalin small =
        Javalin.create(
                cfg -> {
                  cfg.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(24, 4);
                  cfg.routes.get("/v1/candidates", faults.around(ctx -> ctx.result("[]")));
                })
            .start("127.0.0.1", 0);
    try {
      faults.setRules(
          List.of(new FaultRule("/v1/candidates", Optional.empty(), 0, 0, 0, 1000, false)));
      long started = System.nanoTime();

      var answers =
          java.util.stream.IntStream.range(0, 100)
              .mapToObj(
                  i ->
                      http.sendAsync(
                          HttpRequest.newBuilder(
                                  URI.create("http://127.0.0.1:" + small.port() + "/v1/candidates"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString()))
              .toList();
      for (var answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }

      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(took)
          .isGreaterThanOrEqualTo(Duration.ofMillis(1000))
          .isLessThan(Duration.ofMillis(3500));
    } finally {
      small.stop();
    }
  }

  @Test
  void with_latency_the_other_faults_and_handler_errors_still_apply() throws Exception {
    rules(
        "[{\"path\": \"/v1/candidates\", \"method\": \"POST\", \"latency_ms\": 50, \"reset_rate\": 1},"
            + " {\"path\": \"/v1/candidates\", \"method\": \"GET\", \"latency_ms\": 50, \"timeout_after_apply_rate\": 1},"
            + " {\"path\": \"/v1/jobs\", \"latency_ms\": 50, \"error_rate\": 1},"
            + " {\"path\": \"/v1/users\", \"latency_ms\": 50}]");

    assertThatThrownBy(() -> call("POST", "/v1/candidates")).isInstanceOf(IOException.class);
    assertThat(created).hasValue(0);
    assertThatThrownBy(() -> call("GET", "/v1/candidates", null, Duration.ofMillis(800)))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(listed).hasValue(1);
    assertThat(call("GET", "/v1/jobs").statusCode()).isEqualTo(500);
    HttpResponse<String> refused = call("GET", "/v1/users");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("refused by the handler");
  }

  @Test
  void a_rate_limit_storm_answers_429_with_retry_after_to_every_matching_request()
      throws Exception {
    rules("[{\"path\": \"/v1/\", \"rate_limit_storm\": true}]");

    for (String path : new String[] {"/v1/candidates", "/v1/jobs", "/v1/candidates"}) {
      HttpResponse<String> answer = call("GET", path);
      assertThat(answer.statusCode()).isEqualTo(429);
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
    }
    assertThat(listed).hasValue(0);
  }

  @Test
  void no_storm_when_the_flag_is_false() throws Exception {
    rules("[{\"path\": \"/v1/\", \"rate_limit_storm\": false}]");

    assertThat(call("GET", "/v1/candidates").statusCode()).isEqualTo(200);
  }

  @Test
  void a_method_restricts_the_rule_and_the_longest_prefix_wins() throws Exception {
    rules(
        "[{\"path\": \"/v1/candidates\", \"method\": \"post\", \"error_rate\": 1},"
            + " {\"path\": \"/v1\", \"rate_limit_storm\": true},"
            + " {\"path\": \"/v1/jobs\"}]");

    assertThat(call("POST", "/v1/candidates").statusCode()).isEqualTo(500);
    assertThat(call("GET", "/v1/candidates").statusCode()).isEqualTo(429);
    assertThat(call("GET", "/v1/jobs").statusCode()).isEqualTo(200);
  }

  @Test
  void empty_rules_clear_every_fault() throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"error_rate\": 1}]");
    JsonNode echoed = rules("[]");

    assertThat(echoed.get("rules")).isEmpty();
    assertThat(call("POST", "/v1/candidates").statusCode()).isEqualTo(201);
  }

  @Test
  void configure_echoes_the_rules_with_defaults() throws Exception {
    JsonNode echoed =
        rules("[{\"path\": \"/v1/candidates\", \"method\": \"POST\", \"error_rate\": 0.2}]");

    JsonNode rule = echoed.get("rules").get(0);
    assertThat(rule.get("method").asText()).isEqualTo("POST");
    assertThat(rule.get("error_rate").asDouble()).isEqualTo(0.2);
    assertThat(rule.get("timeout_after_apply_rate").asDouble()).isZero();
    assertThat(rule.get("rate_limit_storm").booleanValue()).isFalse();
  }

  @Test
  void invalid_rules_are_refused_with_422_naming_the_field_and_keep_the_old_rules()
      throws Exception {
    rules("[{\"path\": \"/v1/candidates\", \"error_rate\": 1}]");

    assertRefused("[{\"path\": \"/v1/candidates\", \"error_rate\": 1.5}]", "rules[0].error_rate");
    assertRefused(
        "[{\"path\": \"/v1/x\"}, {\"path\": \"/v1/candidates\", \"reset_rate\": -0.1}]",
        "rules[1].reset_rate");
    assertRefused("[{\"path\": \"/v1/candidates\", \"errors\": 1}]", "rules[0].errors");
    assertRefused("[{\"error_rate\": 0.5}]", "rules[0].path");
    assertRefused(
        "[{\"path\": \"/v1\", \"error_rate\": 0.6, \"reset_rate\": 0.6}]", "rules[0].error_rate");
    assertRefused("[{\"path\": \"/v1\", \"method\": \"FETCH\"}]", "rules[0].method");
    assertRefused(
        "[{\"path\": \"/v1\", \"rate_limit_storm\": \"yes\"}]", "rules[0].rate_limit_storm");
    HttpResponse<String> extra =
        call("POST", "/sandbox/faults", "{\"rules\": [], \"seed\": 1}", Duration.ofSeconds(5));
    assertThat(extra.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(extra.body()).at("/errors/0/field").asText()).isEqualTo("seed");

    assertThat(call("POST", "/v1/candidates").statusCode()).isEqualTo(500);
  }

  private void assertRefused(String rulesJson, String field) throws Exception {
    HttpResponse<String> answer =
        call("POST", "/sandbox/faults", "{\"rules\": " + rulesJson + "}", Duration.ofSeconds(5));
    assertThat(answer.statusCode()).as(rulesJson).isEqualTo(422);
    assertThat(JSON.readTree(answer.body()).at("/errors/0/field").asText())
        .as(rulesJson)
        .isEqualTo(field);
  }
}
