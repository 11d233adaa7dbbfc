package io.headhuntr.harvest;

import static io.headhuntr.harvest.ScriptedGreenhouseV3.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.headhuntr.harvest.internal.RetryPolicy;
import io.headhuntr.harvest.internal.V3Transport;
import io.headhuntr.harvest.v3.Actor;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes: JSON bodies, the actor's token, and never a second send of an ambiguous write. */
class V3WritesTest {
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

  /** A request body as a resource would send it. */
  record NewNote(long userId, String body, String visibility) {}

  @Test
  void posts_a_snake_case_json_body_with_the_actors_token_and_reads_the_answer() {
    greenhouse.enqueue(json(201, "{\"id\":77}"));

    Map<?, ?> note =
        transport.write(
            "POST",
            "/v3/notes",
            new NewNote(12, "Met at a meetup", "public"),
            Actor.user(GreenhouseUserId.of(12)),
            Map.class);

    assertThat(note.get("id")).isEqualTo(77);
    ScriptedGreenhouseV3.Seen sent = greenhouse.harvestCalls.get(0);
    assertThat(sent.request().getMethod()).isEqualTo("POST");
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    assertThat(sent.header("On-Behalf-Of")).isNull();
    assertThat(sent.body())
        .isEqualTo("{\"user_id\":12,\"body\":\"Met at a meetup\",\"visibility\":\"public\"}");
    assertThat(greenhouse.tokenCalls.get(0).form()).containsEntry("sub", "12");
  }

  @Test
  void a_204_answer_returns_null_and_a_delete_sends_no_body() {
    greenhouse.enqueue(new MockResponse.Builder().code(204).build());
    greenhouse.enqueue(json(200, "{\"message\":\"Application 5 deleted successfully\"}"));

    assertThat(
            transport.write(
                "POST",
                "/v3/applications/5/move",
                Map.of("from_stage_id", 1),
                Actor.credential(),
                Object.class))
        .isNull();
    transport.write("DELETE", "/v3/applications/5", null, Actor.credential(), Map.class);

    assertThat(greenhouse.harvestCalls.get(1).request().getBodySize()).isZero();
    assertThat(greenhouse.harvestCalls.get(1).header("Content-Type")).isNull();
    assertThat(greenhouse.tokenCalls.get(0).form()).doesNotContainKey("sub");
  }

  @Test
  void a_write_that_times_out_is_not_resent_and_may_have_applied() {
    V3Transport impatient =
        new V3Transport(
            ScriptedGreenhouseV3.origin(server),
            ScriptedGreenhouseV3.origin(server),
            ScriptedGreenhouseV3.clientCredentials(),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            Duration.ofMillis(300),
            time,
            time,
            RetryPolicy.defaults(4),
            0);
    impatient.list("/v3/jobs", Map.of(), Object.class).toList(); // fetches the token
    greenhouse.enqueue(
        new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    HarvestTransportException e =
        catchThrowableOfType(
            HarvestTransportException.class,
            () ->
                impatient.write(
                    "POST",
                    "/v3/candidates",
                    Map.of("first_name", "Ada"),
                    Actor.credential(),
                    Map.class));

    assertThat(e.mayHaveApplied()).isTrue();
    assertThat(e).hasMessageContaining("AMBIGUOUS");
    assertThat(greenhouse.harvestCalls).hasSize(2);
  }

  @Test
  void refuses_a_read_method_or_a_path_outside_v3_as_a_write() {
    assertThatThrownBy(
            () -> transport.write("GET", "/v3/jobs", null, Actor.credential(), Object.class))
        .hasMessageContaining("a write is POST, PATCH, PUT or DELETE");
    assertThatThrownBy(
            () ->
                transport.write(
                    "POST", "/v1/candidates", Map.of(), Actor.credential(), Object.class))
        .hasMessageContaining("starts with /v3/");
    assertThat(server.getRequestCount()).isZero();
  }
}
