package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A push that sent a create and got no answer, while Greenhouse is still making the person, is not
 * something a person must act on: it reads {@code running} with step {@code awaiting_confirmation}
 * and says when it will decide ({@code decides_at}), never {@code needs_attention}, until it finds
 * the person and ends {@code done}.
 */
class PushAwaitingConfirmationTest {

  @Test
  void an_unanswered_create_reads_running_awaiting_confirmation_with_when_it_decides() {
    Duration window = Duration.ofSeconds(20);
    // the sandbox makes a new person visible 3 s after the create (30 s / time scale 10)
    try (PushFixture gh =
        new PushFixture(
            Api.V1,
            b -> b.asyncCreate(true).timeScale(10),
            PushFixture.fastConfig().withConfirmWindow(window),
            Duration.ofMillis(800),
            false)) {
      String run = UUID.randomUUID().toString().substring(0, 8);
      gh.faults(
          "{\"rules\":[{\"path\":\"/v1/candidates\",\"method\":\"POST\","
              + "\"timeout_after_apply_rate\":1.0}]}");
      Instant before = Instant.now();
      String id =
          gh.push(
              "confirm-" + run,
              PushFixture.candidateBody(
                  "Waiting", "Person", "confirm-" + run + "@example.org", gh.openJobs.get(0).id()));

      List<JsonNode> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                gh.drain();
                JsonNode view = gh.pushView(id);
                seen.add(view);
                return view.get("status").asText().equals("done");
              });
      gh.faults("{\"rules\":[]}");

      List<JsonNode> waiting =
          seen.stream()
              .filter(v -> "awaiting_confirmation".equals(v.path("step").asText()))
              .toList();
      assertThat(waiting).as("it was seen waiting for the person it created").isNotEmpty();
      for (JsonNode view : waiting) {
        assertThat(view.get("status").asText()).isEqualTo("running");
        Instant decides = Instant.parse(view.get("decides_at").asText());
        assertThat(decides).isAfter(before).isBefore(Instant.now().plus(window));
      }
      assertThat(seen).noneMatch(v -> v.get("status").asText().equals("needs_attention"));
      JsonNode done = gh.pushView(id);
      assertThat(done.get("result").asText()).isEqualTo("created");
      assertThat(done.get("decides_at").isNull()).as("decided: nothing left to wait for").isTrue();
    }
  }
}
