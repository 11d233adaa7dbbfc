package io.headhuntr.connector.webhooks.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.DepartmentRow;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.UserRow;
import io.headhuntr.connector.webhooks.inbox.Deliveries;
import io.headhuntr.connector.webhooks.inbox.InboxEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code webhook-*.json} of {@code ../shared/greenhouse/examples} is accepted, applied, and
 * found in the mirror with the values it carried, each in a fresh tenant (the examples reuse ids).
 */
class ExampleDeliveriesTest {
  private static final Map<String, String> EVENT_OF_ACTION =
      Map.ofEntries(
          Map.entry("new_candidate_application", "application_created"),
          Map.entry("new_prospect_application", "prospect_created"),
          Map.entry("application_updated", "application_updated"),
          Map.entry("candidate_stage_change", "stage_changed"),
          Map.entry("reject_candidate", "rejected"),
          Map.entry("unreject_candidate", "unrejected"),
          Map.entry("hire_candidate", "hired"),
          Map.entry("unhire_candidate", "unhired"),
          Map.entry("delete_application", "application_deleted"),
          Map.entry("update_candidate", "updated"),
          Map.entry("delete_candidate", "deleted"),
          Map.entry("merge_candidate", "merged"),
          Map.entry("candidate_anonymized", "anonymized"),
          Map.entry("job_created", "job_created"),
          Map.entry("job_updated", "job_updated"),
          Map.entry("job_approved", "job_approved"),
          Map.entry("job_deleted", "job_deleted"),
          Map.entry("job_post_created", "job_post_created"),
          Map.entry("job_post_updated", "job_post_updated"),
          Map.entry("job_post_deleted", "job_post_deleted"),
          Map.entry("job_interview_stage_deleted", "job_stage_deleted"));

  static Stream<Path> examples() {
    var dir = Deliveries.examples();
    if (dir.isEmpty()) {
      return Stream.of(Path.of("absent"));
    }
    return Deliveries.webhookExamples(dir.get()).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void each_example_is_applied_and_visible_with_its_values(Path file) throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(file), "skipped: ../shared/greenhouse/examples not present");
    String body = Files.readString(file);
    JsonNode json = MirrorJson.MAPPER.readTree(body);
    String action = json.get("action").asText();
    JsonNode payload = json.get("payload");
    Applying run = new Applying();

    InboxEntry entry = run.deliver(body);

    assertThat(entry.action()).isEqualTo(action);
    assertThat(entry.state()).as(entry.parkReason() + " / " + entry.lastError()).isEqualTo("done");
    if (action.equals("ping")) {
      assertThat(entry.outcome()).isEqualTo("ping: nothing to apply");
      assertThat(run.eventTypes()).isEmpty();
      return;
    }
    assertThat(entry.outcome()).startsWith("applied");
    assertThat(run.eventTypes()).contains(EVENT_OF_ACTION.get(action));
    switch (action) {
      case "update_candidate" -> checkCandidate(run, payload.get("candidate"));
      case "delete_candidate" -> checkDeleted(run, payload.get("person"));
      case "merge_candidate" -> checkMerged(run, payload.get("person"));
      case "candidate_anonymized" -> checkAnonymized(run, payload);
      case "delete_application" -> checkApplicationDeleted(run, payload.get("application"));
      case "job_created", "job_updated", "job_approved" -> checkJob(run, action, payload);
      case "job_deleted" -> checkJobDeleted(run, payload.get("job"));
      case "job_post_created", "job_post_updated" -> checkJobPost(run, payload, false);
      case "job_post_deleted" -> checkJobPost(run, payload.get("job_post"), true);
      case "job_interview_stage_deleted" ->
          checkStageDeleted(run, payload.get("job_interview_stage"));
      default -> checkApplication(run, action, payload.get("application"));
    }
  }

  private static void checkApplication(Applying run, String action, JsonNode app) {
    ApplicationRow row =
        run.read(h -> run.mirror.applications().find(h, run.tenant, app.get("id").asLong()))
            .orElseThrow();
    String expectedStatus =
        action.equals("hire_candidate") ? "hired" : app.path("status").asText(null);
    assertThat(row.status()).isEqualTo(expectedStatus);
    JsonNode stage = app.get("current_stage");
    if (stage != null && stage.isObject()) {
      assertThat(row.currentStageId()).isEqualTo(stage.get("id").asLong());
      assertThat(row.currentStageName()).isEqualTo(stage.get("name").asText());
    } else if (stage != null) {
      assertThat(row.currentStageId()).isNull();
    }
    if (app.has("prospect")) {
      assertThat(row.prospect()).isEqualTo(app.get("prospect").asBoolean());
    }
    if (app.hasNonNull("applied_at")) {
      assertThat(row.appliedAt()).isEqualTo(Instant.parse(app.get("applied_at").asText()));
    }
    if (app.hasNonNull("rejection_reason")) {
      assertThat(row.rejectionReason()).isEqualTo(app.get("rejection_reason"));
    }
    if (app.hasNonNull("source")) {
      assertThat(row.source().get("id")).isEqualTo(app.get("source").get("id"));
    }
    if (app.hasNonNull("credited_to")) {
      assertThat(row.creditedTo()).isEqualTo(app.get("credited_to"));
      long userId = app.get("credited_to").get("id").asLong();
      UserRow user =
          run.read(h -> run.mirror.references().user(h, run.tenant, userId)).orElseThrow();
      assertThat(user.name()).isEqualTo(app.get("credited_to").get("name").asText());
    }
    if (app.hasNonNull("offer")) {
      assertThat(row.offer()).isEqualTo(app.get("offer"));
    }
    List<Long> jobIds = new ArrayList<>();
    app.path("jobs").forEach(j -> jobIds.add(j.get("id").asLong()));
    assertThat(row.jobIds()).containsExactlyElementsOf(jobIds);
    for (JsonNode job : app.path("jobs")) {
      JobRow mirrored =
          run.read(h -> run.mirror.jobs().job(h, run.tenant, job.get("id").asLong())).orElseThrow();
      assertThat(mirrored.name()).isEqualTo(job.get("name").asText());
    }
    JsonNode candidate = app.get("candidate");
    assertThat(row.candidateId()).isEqualTo(candidate.get("id").asLong());
    checkCandidate(run, candidate);
  }

  private static void checkCandidate(Applying run, JsonNode candidate) {
    CandidateRow row =
        run.read(h -> run.mirror.candidates().find(h, run.tenant, candidate.get("id").asLong()))
            .orElseThrow();
    assertThat(row.firstName()).isEqualTo(candidate.get("first_name").asText());
    assertThat(row.lastName()).isEqualTo(candidate.get("last_name").asText());
    assertThat(row.title()).isEqualTo(candidate.path("title").asText(null));
    assertThat(values(row.emailAddresses())).isEqualTo(values(candidate.get("email_addresses")));
    assertThat(row.phoneNumbers()).isEqualTo(candidate.get("phone_numbers"));
    if (candidate.has("tags")) {
      assertThat(row.tags()).isEqualTo(candidate.get("tags"));
    }
    if (candidate.has("educations")) {
      assertThat(row.educations()).isEqualTo(candidate.get("educations"));
    }
    if (candidate.has("employments")) {
      assertThat(row.employments()).isEqualTo(candidate.get("employments"));
    }
    List<String> files = new ArrayList<>();
    candidate.path("attachments").forEach(a -> files.add(a.get("filename").asText()));
    assertThat(values(row.attachments(), "filename")).isEqualTo(files);
    row.attachments().forEach(a -> assertThat(a.has("url")).as("expiring URL dropped").isFalse());
    for (JsonNode email : candidate.get("email_addresses")) {
      String upper = email.get("value").asText().toUpperCase();
      List<Long> ids = run.read(h -> run.mirror.candidates().idsByEmail(h, run.tenant, upper));
      assertThat(ids).containsExactly(candidate.get("id").asLong());
    }
  }

  private static void checkDeleted(Applying run, JsonNode person) {
    CandidateRow row =
        run.read(h -> run.mirror.candidates().find(h, run.tenant, person.get("id").asLong()))
            .orElseThrow();
    assertThat(row.deletedAt()).isNotNull();
    assertThat(row.erasedAt()).isNotNull();
    assertThat(row.firstName()).isNull();
    for (JsonNode id : person.path("deleted_application_ids")) {
      ApplicationRow app =
          run.read(h -> run.mirror.applications().find(h, run.tenant, id.asLong())).orElseThrow();
      assertThat(app.deletedAt()).isNotNull();
    }
  }

  private static void checkMerged(Applying run, JsonNode person) {
    CandidateRow loser =
        run.read(h -> run.mirror.candidates().find(h, run.tenant, person.get("id").asLong()))
            .orElseThrow();
    assertThat(loser.mergedIntoId()).isEqualTo(person.get("new_candidate_id").asLong());
    assertThat(loser.deletedAt()).isNotNull();
    long survivor = person.get("new_candidate_id").asLong();
    Optional<CandidateRow> kept =
        run.read(h -> run.mirror.candidates().find(h, run.tenant, survivor));
    assertThat(kept).isPresent();
  }

  private static void checkAnonymized(Applying run, JsonNode payload) {
    CandidateRow row =
        run.read(
                h ->
                    run.mirror
                        .candidates()
                        .find(h, run.tenant, payload.get("candidate_id").asLong()))
            .orElseThrow();
    assertThat(row.anonymizedFields())
        .containsExactlyInAnyOrderElementsOf(payload.get("anonymized_fields"));
    assertThat(row.erasedAt()).isNotNull();
  }

  private static void checkApplicationDeleted(Applying run, JsonNode app) {
    ApplicationRow row =
        run.read(h -> run.mirror.applications().find(h, run.tenant, app.get("id").asLong()))
            .orElseThrow();
    assertThat(row.deletedAt()).isNotNull();
    assertThat(row.candidateId()).isEqualTo(app.get("candidate_id").asLong());
  }

  private static void checkJob(Applying run, String action, JsonNode payload) {
    JsonNode job = payload.get("job");
    JobRow row =
        run.read(h -> run.mirror.jobs().job(h, run.tenant, job.get("id").asLong())).orElseThrow();
    assertThat(row.name()).isEqualTo(job.get("name").asText());
    assertThat(row.status()).isEqualTo(job.get("status").asText());
    assertThat(row.notes()).isEqualTo(job.path("notes").asText(null));
    assertThat(row.departments()).isEqualTo(job.get("departments"));
    assertThat(row.offices()).isEqualTo(job.get("offices"));
    assertThat(row.hiringTeam()).isEqualTo(job.get("hiring_team"));
    assertThat(row.openings()).isEqualTo(job.get("openings"));
    assertThat(row.customFields()).isEqualTo(job.get("custom_fields"));
    assertThat(row.openedAt()).isEqualTo(Instant.parse(job.get("opened_at").asText()));
    for (JsonNode department : job.get("departments")) {
      long departmentId = department.get("id").asLong();
      DepartmentRow mirrored =
          run.read(h -> run.mirror.references().department(h, run.tenant, departmentId))
              .orElseThrow();
      assertThat(mirrored.name()).isEqualTo(department.get("name").asText());
    }
    if (action.equals("job_approved")) {
      assertThat(row.approval().get("approval_flow_type"))
          .isEqualTo(payload.get("approval_flow").get("approval_flow_type"));
    }
  }

  private static void checkJobDeleted(Applying run, JsonNode job) {
    JobRow row =
        run.read(h -> run.mirror.jobs().job(h, run.tenant, job.get("id").asLong())).orElseThrow();
    assertThat(row.deletedAt()).isNotNull();
  }

  private static void checkJobPost(Applying run, JsonNode post, boolean deleted) {
    JobPostRow row =
        run.read(h -> run.mirror.jobs().jobPost(h, run.tenant, post.get("id").asLong()))
            .orElseThrow();
    assertThat(row.title()).isEqualTo(post.get("title").asText());
    assertThat(row.location()).as("kept as sent").isEqualTo(post.get("location"));
    assertThat(row.content()).isEqualTo(post.get("content").asText());
    assertThat(row.live()).isEqualTo(post.get("live").asBoolean());
    assertThat(row.jobId()).isEqualTo(post.get("job_id").asLong());
    assertThat(row.questions()).isEqualTo(post.get("questions"));
    assertThat(row.updatedAt()).isEqualTo(Instant.parse(post.get("updated_at").asText()));
    assertThat(row.deletedAt() != null).isEqualTo(deleted);
  }

  private static void checkStageDeleted(Applying run, JsonNode stage) {
    JobStageRow row =
        run.read(h -> run.mirror.jobs().stage(h, run.tenant, stage.get("id").asLong()))
            .orElseThrow();
    assertThat(row.name()).isEqualTo(stage.get("name").asText());
    assertThat(row.jobId()).isEqualTo(stage.get("job_id").asLong());
    assertThat(row.deletedAt()).isNotNull();
  }

  private static List<String> values(JsonNode array) {
    return values(array, "value");
  }

  private static List<String> values(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.get(field).asText()));
    }
    return out;
  }
}
