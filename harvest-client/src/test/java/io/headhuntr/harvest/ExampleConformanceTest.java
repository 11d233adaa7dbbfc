package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.harvest.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Harvest example of the docs (../shared/greenhouse/examples) parses into our records and
 * keeps every documented field: the record, written back to JSON, has every key of the example,
 * recursively.
 */
class ExampleConformanceTest {
  private static final ObjectMapper READ = Json.mapper();
  private static final ObjectMapper WRITE_ALL =
      Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

  /** Response examples and the record each parses into; a list example parses into a list of it. */
  static final Map<String, Class<?>> RESPONSES =
      Map.ofEntries(
          Map.entry("harvest-activity-feed.json", ActivityFeed.class),
          Map.entry("harvest-application-attachment-response.json", Attachment.class),
          Map.entry("harvest-application-create-response.json", Application.class),
          Map.entry("harvest-application-patch-response.json", Application.class),
          Map.entry("harvest-application.json", Application.class),
          Map.entry("harvest-applications-list.json", Application.class),
          Map.entry("harvest-candidate-attachment-response.json", Attachment.class),
          Map.entry("harvest-candidate-create-response.json", Candidate.class),
          Map.entry("harvest-candidate-merge-response.json", Candidate.class),
          Map.entry("harvest-candidate-patch-response.json", Candidate.class),
          Map.entry("harvest-candidate.json", Candidate.class),
          Map.entry("harvest-candidates-list.json", Candidate.class),
          Map.entry("harvest-degrees-list.json", Degree.class),
          Map.entry("harvest-department-tree.json", Department.class),
          Map.entry("harvest-department.json", Department.class),
          Map.entry("harvest-departments-list.json", Department.class),
          Map.entry("harvest-disciplines-list.json", Discipline.class),
          Map.entry("harvest-education.json", Education.class),
          Map.entry("harvest-email-note.json", EmailNote.class),
          Map.entry("harvest-employment.json", Employment.class),
          Map.entry("harvest-job-post-for-job.json", JobPost.class),
          Map.entry("harvest-job-post.json", JobPost.class),
          Map.entry("harvest-job-posts-for-job-list.json", JobPost.class),
          Map.entry("harvest-job-posts-list.json", JobPost.class),
          Map.entry("harvest-job-stage.json", JobStage.class),
          Map.entry("harvest-job-stages-for-job-list.json", JobStage.class),
          Map.entry("harvest-job-stages-list.json", JobStage.class),
          Map.entry("harvest-job.json", Job.class),
          Map.entry("harvest-jobs-list.json", Job.class),
          Map.entry("harvest-note.json", Note.class),
          Map.entry("harvest-prospect-create-response.json", Candidate.class),
          Map.entry("harvest-prospect-pool.json", ProspectPool.class),
          Map.entry("harvest-prospect-pools-list.json", ProspectPool.class),
          Map.entry("harvest-schools-list.json", School.class),
          Map.entry("harvest-source.json", Source.class),
          Map.entry("harvest-sources-list.json", Source.class),
          Map.entry("harvest-user.json", User.class),
          Map.entry("harvest-users-list.json", User.class));

  /** Request examples and the request record that must be able to say everything they say. */
  static final Map<String, Class<?>> REQUESTS =
      Map.ofEntries(
          Map.entry("harvest-application-attachment-request.json", NewAttachment.class),
          Map.entry("harvest-application-create-candidate-request.json", NewApplication.class),
          Map.entry("harvest-application-create-prospect-nojob-request.json", NewApplication.class),
          Map.entry("harvest-application-create-prospect-request.json", NewApplication.class),
          Map.entry("harvest-application-patch-request.json", ApplicationPatch.class),
          Map.entry("harvest-candidate-attachment-request.json", NewAttachment.class),
          Map.entry("harvest-candidate-create-request.json", NewCandidate.class),
          Map.entry("harvest-candidate-patch-request.json", CandidatePatch.class),
          Map.entry("harvest-education-create-request.json", NewEducation.class),
          Map.entry("harvest-employment-create-request.json", NewEmployment.class),
          Map.entry("harvest-note-create-request.json", NewNote.class),
          Map.entry("harvest-prospect-create-request.json", NewProspect.class));

  /**
   * Examples of calls this client does not make, or error bodies (covered by
   * ErrorBodyExamplesTest).
   */
  static final Set<String> NOT_RECORDS =
      Set.of(
          "harvest-candidate-delete-response.json",
          "harvest-candidate-merge-request.json",
          "harvest-email-note-create-request.json",
          "harvest-error-404-resource-not-found.json",
          "harvest-error-422-missing-field.json",
          "harvest-error-unreject-invalid-state.json",
          "harvest-error-validation-422.json");

  /**
   * Documented deviations: the docs' candidate PATCH example names the recruiter {@code {"user_id":
   * 4354}} while the field table says "id or email"; we send {@code id} (HARVEST-V1 5.2 C3).
   */
  static final Set<String> KNOWN_DEVIATIONS =
      Set.of("harvest-candidate-patch-request.json:recruiter.user_id");

  @Test
  void every_harvest_example_is_accounted_for() throws Exception {
    assumeTrue(SharedExamples.folder().isPresent(), SharedExamples.SKIPPED);
    for (Path file : SharedExamples.harvestExamples()) {
      String name = file.getFileName().toString();
      assertThat(
              RESPONSES.containsKey(name)
                  || REQUESTS.containsKey(name)
                  || NOT_RECORDS.contains(name))
          .as("new example %s: map it to a record in this test", name)
          .isTrue();
    }
  }

  @TestFactory
  Stream<DynamicTest> every_response_example_parses_and_keeps_every_documented_field()
      throws Exception {
    assumeTrue(SharedExamples.folder().isPresent(), SharedExamples.SKIPPED);
    return RESPONSES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(), () -> assertRoundTrip(e.getKey(), e.getValue())));
  }

  @TestFactory
  Stream<DynamicTest> every_request_example_can_be_said_with_the_request_records()
      throws Exception {
    assumeTrue(SharedExamples.folder().isPresent(), SharedExamples.SKIPPED);
    return REQUESTS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(), () -> assertRoundTrip(e.getKey(), e.getValue())));
  }

  private static void assertRoundTrip(String name, Class<?> type) throws Exception {
    Path file = SharedExamples.folder().orElseThrow().resolve(name);
    JsonNode example = READ.readTree(Files.readAllBytes(file));
    JavaType javaType =
        example.isArray()
            ? READ.getTypeFactory().constructCollectionType(List.class, type)
            : READ.constructType(type);
    Object parsed = READ.readValue(Files.readAllBytes(file), javaType);
    JsonNode kept = WRITE_ALL.valueToTree(parsed);

    List<String> dropped = new ArrayList<>();
    missingKeys(example, kept, "", dropped);
    dropped.removeIf(path -> KNOWN_DEVIATIONS.contains(name + ":" + path));
    assertThat(dropped).as("fields of %s the record does not keep", name).isEmpty();
  }

  /** Scalars compare by text (158108 and "158108" alike); timestamps compare as instants. */
  static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (actual.isArray() && actual.size() == 1) {
      // A single value where the docs elsewhere show a list (e-mail cc) is read as a one-item list.
      return sameValue(expected, actual.get(0));
    }
    if (expected.asText().equals(actual.asText())) {
      return true;
    }
    try {
      return java.time.OffsetDateTime.parse(expected.asText())
          .toInstant()
          .equals(java.time.Instant.parse(actual.asText()));
    } catch (RuntimeException notATimestamp) {
      return false;
    }
  }

  /**
   * Collects every object key of {@code expected} (recursively, arrays item by item) absent from
   * {@code actual}, or whose value changed.
   */
  static void missingKeys(JsonNode expected, JsonNode actual, String path, List<String> missing) {
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (actual == null || !actual.isObject() || !actual.has(field.getKey())) {
          missing.add(at);
        } else {
          missingKeys(field.getValue(), actual.get(field.getKey()), at, missing);
        }
      }
    } else if (expected.isValueNode() && !expected.isNull()) {
      if (actual == null || !sameValue(expected, actual)) {
        missing.add(path + " (value " + expected + " read as " + actual + ")");
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        JsonNode counterpart =
            actual != null && actual.isArray() && i < actual.size() ? actual.get(i) : null;
        if (counterpart == null && expected.get(i).isContainerNode()) {
          missing.add(path + "[" + i + "]");
        } else if (counterpart != null) {
          missingKeys(expected.get(i), counterpart, path + "[" + i + "]", missing);
        }
      }
    }
  }
}
