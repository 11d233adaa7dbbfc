package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretKeepingTest {
  static final String KEY = TestClients.DOCS_KEY;
  static final String ENCODED = TestClients.DOCS_AUTHORIZATION.substring("Basic ".length());

  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final FakeTime time = new FakeTime();
  HarvestClient harvest;

  @BeforeEach
  void connect() {
    harvest = TestClients.builder(greenhouse, time).maxAttempts(1).build();
  }

  private static String everythingPrinted(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return t + "\n" + out;
  }

  @Test
  void the_key_prints_as_its_last_four_characters_at_most() {
    HarvestApiKey key = HarvestApiKey.of(KEY);

    assertThat(key.toString()).isEqualTo("HarvestApiKey[****4c3c]").doesNotContain(KEY);
    assertThat(HarvestApiKey.of("short").toString()).isEqualTo("HarvestApiKey[****]");
    assertThat(key.basicAuthorization()).isEqualTo(TestClients.DOCS_AUTHORIZATION);
    assertThat(key).isEqualTo(HarvestApiKey.of(KEY)).isNotEqualTo(HarvestApiKey.of(KEY + "x"));
  }

  @Test
  void refuses_an_empty_or_mangled_key_without_echoing_it() {
    assertThatThrownBy(() -> HarvestApiKey.of(" ")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> HarvestApiKey.of(KEY + " "))
        .hasMessageContaining("spaces")
        .message()
        .doesNotContain(KEY);
  }

  @Test
  void no_error_message_stack_trace_or_client_string_contains_the_key() {
    List<Integer> statuses = List.of(400, 401, 403, 404, 409, 410, 422, 429, 500, 503);
    for (int status : statuses) {
      greenhouse.enqueue(
          new MockResponse.Builder()
              .code(status)
              .addHeader("Retry-After", "1")
              .body("{\"message\":\"nope\",\"errors\":[{\"message\":\"bad\",\"field\":\"f\"}]}")
              .build());
      HarvestException e =
          catchThrowableOfType(
              HarvestException.class,
              () ->
                  harvest
                      .onBehalfOf(GreenhouseUserId.of(1))
                      .candidates()
                      .addNote(1, new NewNote(1, "x", "public")));
      assertThat(e).as("status %d", status).isNotNull();
      assertThat(e.status()).isEqualTo(status);
      assertThat(everythingPrinted(e)).doesNotContain(KEY).doesNotContain(ENCODED);
    }
    greenhouse.enqueue(
        new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    HarvestClient impatient =
        TestClients.builder(greenhouse, time)
            .requestTimeout(Duration.ofMillis(300))
            .maxAttempts(1)
            .build();
    HarvestTransportException timeout =
        catchThrowableOfType(HarvestTransportException.class, () -> impatient.jobs().get(1));
    assertThat(everythingPrinted(timeout)).doesNotContain(KEY).doesNotContain(ENCODED);

    assertThat(harvest.toString()).doesNotContain(KEY).doesNotContain(ENCODED);
    assertThat(harvest.onBehalfOf(GreenhouseUserId.of(1)).toString()).doesNotContain(KEY);
  }

  @Test
  void the_call_log_names_method_path_and_status_but_no_query_key_or_body() {
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.headhuntr.harvest");
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            lines.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Level before = jul.getLevel();
    jul.setLevel(java.util.logging.Level.ALL);
    jul.addHandler(capture);
    try {
      greenhouse.enqueue(new MockResponse.Builder().body("[]").build());
      greenhouse.enqueue(
          new MockResponse.Builder().code(422).body("{\"message\":\"Validation error\"}").build());
      harvest
          .candidates()
          .list(CandidateFilter.builder().email("jane@example.com").build())
          .toList();
      catchThrowableOfType(
          HarvestValidationException.class,
          () ->
              harvest
                  .onBehalfOf(GreenhouseUserId.of(1))
                  .candidates()
                  .addNote(1, new NewNote(1, "jane is great", "public")));
    } finally {
      jul.removeHandler(capture);
      jul.setLevel(before);
    }

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("GET /v1/candidates -> 200 in ");
    assertThat(lines.get(1)).startsWith("POST /v1/candidates/1/activity_feed/notes -> 422 in ");
    assertThat(String.join("\n", lines))
        .doesNotContain("jane")
        .doesNotContain(KEY)
        .doesNotContain(ENCODED);
  }

  @Test
  void a_write_without_an_acting_user_cannot_be_sent() {
    assertThatThrownBy(() -> harvest.onBehalfOf(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> GreenhouseUserId.of(0)).hasMessageContaining("positive");
    assertThat(greenhouse.getRequestCount()).isZero();
  }
}
