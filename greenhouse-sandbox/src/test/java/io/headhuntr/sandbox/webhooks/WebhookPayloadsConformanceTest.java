package io.headhuntr.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every {@code webhook-*.json} example of the docs, the payload built for that action from this
 * module's Harvest-shaped fixtures has every key the example has, with the same JSON types.
 */
class WebhookPayloadsConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FixtureStore STORE = new FixtureStore();
  private static final WebhookPayloads PAYLOADS = new WebhookPayloads(STORE);

  /**
   * The builder for each documented action; ping is built by the hub and checked in
   * WebhookRegistryTest.
   */
  private static final Map<String, Supplier<ObjectNode>> BUILDERS =
      Map.ofEntries(
          Map.entry("hire_candidate", () -> PAYLOADS.application(STORE.application("hired"))),
          Map.entry(
              "candidate_stage_change", () -> PAYLOADS.application(STORE.application("active"))),
          Map.entry("reject_candidate", () -> PAYLOADS.application(STORE.application("rejected"))),
          Map.entry("unreject_candidate", () -> PAYLOADS.application(STORE.application("active"))),
          Map.entry("unhire_candidate", () -> PAYLOADS.application(STORE.application("active"))),
          Map.entry("application_updated", () -> PAYLOADS.application(STORE.application("active"))),
          Map.entry(
              "new_candidate_application", () -> PAYLOADS.application(STORE.application("active"))),
          Map.entry(
              "new_prospect_application",
              () -> PAYLOADS.application(STORE.application("prospect"))),
          Map.entry("update_candidate", () -> PAYLOADS.candidate(STORE.candidate())),
          Map.entry(
              "delete_candidate",
              () -> PAYLOADS.deletedPerson(STORE.candidate(), List.of(6200000001L, 6200000002L))),
          Map.entry("merge_candidate", () -> PAYLOADS.mergedPerson(STORE.candidate(), 5310000099L)),
          Map.entry("job_created", () -> PAYLOADS.job(STORE.job(0))),
          Map.entry("job_updated", () -> PAYLOADS.job(STORE.job(0))),
          Map.entry("job_deleted", () -> PAYLOADS.deletedJob(STORE.job(1))),
          Map.entry("job_approved", () -> PAYLOADS.jobApproved(STORE.job(0), "open_job")),
          Map.entry("job_post_created", () -> PAYLOADS.jobPost(STORE.jobPost())),
          Map.entry("job_post_updated", () -> PAYLOADS.jobPost(STORE.jobPost())),
          Map.entry("job_post_deleted", () -> PAYLOADS.deletedJobPost(STORE.jobPost())),
          Map.entry(
              "delete_application",
              () ->
                  PAYLOADS.deletedApplication(
                      STORE.application("rejected"), OptionalLong.of(4280249001L))),
          Map.entry(
              "candidate_anonymized",
              () -> PAYLOADS.anonymized(5310000001L, List.of("full_name", "current_title"))),
          Map.entry(
              "job_interview_stage_deleted", () -> PAYLOADS.jobStageDeleted(STORE.jobStage())));

  @TestFactory
  Stream<DynamicTest> every_documented_example_has_a_payload_of_the_same_shape()
      throws IOException {
    Path dir = ExamplePayloads.dir().orElse(null);
    Assumptions.assumeTrue(dir != null, ExamplePayloads.SKIP_MESSAGE);
    List<Path> examples;
    try (Stream<Path> files = Files.list(dir)) {
      examples =
          files
              .filter(p -> p.getFileName().toString().matches("webhook-[a-z_]+\\.json"))
              .filter(p -> !p.getFileName().toString().equals("webhook-ping.json"))
              .sorted()
              .toList();
    }
    assertThat(examples).isNotEmpty();
    return examples.stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    path.getFileName().toString(),
                    () -> {
                      JsonNode example = JSON.readTree(path.toFile());
                      String action = example.get("action").asText();
                      assertThat(BUILDERS)
                          .as("a payload builder for " + action)
                          .containsKey(action);
                      ObjectNode envelope = JSON.createObjectNode().put("action", action);
                      envelope.set("payload", BUILDERS.get(action).get());
                      // through the wire form, as a receiver would see it
                      JsonNode sent = JSON.readTree(GreenhouseJson.write(envelope));

                      assertThat(JsonShapes.mismatches(example, sent)).as(action).isEmpty();
                    }));
  }
}
