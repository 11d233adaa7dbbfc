package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.ContactDetail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Writes Greenhouse applied without answering (the sandbox's {@code timeout_after_apply_rate}):
 * each is read back before it is sent again, so a person found by email gets one application, one
 * note and one file, and a person Greenhouse is still creating is waited for, not created twice.
 */
class PushUnansweredWritesTest {
  private static final Duration NO_ANSWER_AFTER = Duration.ofMillis(800);

  @Test
  void
      a_person_found_by_email_gets_one_application_one_note_and_one_file_when_no_write_is_answered() {
    try (PushFixture gh =
        new PushFixture(b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
      Candidate existing = existingPerson(gh);
      long before = prospectApplications(gh, existing.id());
      ObjectNode body =
          PushFixture.candidateBody("Known", "Person", existing.emailAddresses().get(0).value(), 1);
      body.putObject("target").put("type", "prospect");
      String note = "Open to a move " + UUID.randomUUID();
      ((ObjectNode) body.get("person")).putArray("notes").addObject().put("body", note);
      body.putArray("attachments")
          .addObject()
          .put("type", "resume")
          .put("filename", "unanswered.txt")
          .put("content_type", "text/plain")
          .put("content", Base64.getEncoder().encodeToString("cv".getBytes()));
      // every write to this person is applied and never answered, however often it is sent
      gh.faults(everyWriteUnanswered(existing.id()));
      String id = gh.push("unanswered-" + UUID.randomUUID(), body);
      JsonNode push = finish(gh, id);
      gh.faults("{\"rules\":[]}");

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).as("%s", push).isEqualTo("linked");
      assertThat(prospectApplications(gh, existing.id())).isEqualTo(before + 1);
      assertThat(notesWithBody(gh, existing.id(), note)).isEqualTo(1);
      assertThat(gh.harvest.candidates().get(existing.id()).attachments())
          .filteredOn(a -> a.filename().equals("unanswered.txt"))
          .hasSize(1);
      // each unanswered write was read back instead of sent again
      assertThat(calls(push, "POST"))
          .containsExactly(
              "POST /v1/candidates/N/applications",
              "POST /v1/candidates/N/activity_feed/notes",
              "POST /v1/candidates/N/attachments");
      assertThat(calls(push, "GET")).contains("GET /v1/candidates/N/activity_feed");
      assertThat(push.get("steps"))
          .extracting(s -> s.get("step").asText() + " " + s.get("confirmed_by").asText())
          .containsExactlyInAnyOrder(
              "person read_back", "note:0 read_back", "attachment:0 read_back");
    }
  }

  @Test
  void a_candidate_found_by_email_gets_one_application_on_the_job_and_one_note_when_unanswered() {
    try (PushFixture gh =
        new PushFixture(b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
      long job = gh.openJobs.get(1).id();
      Candidate existing = existingPerson(gh);
      String note = "Met at a meetup " + UUID.randomUUID();
      ObjectNode body =
          PushFixture.candidateBody(
              "Known", "Candidate", existing.emailAddresses().get(0).value(), job);
      ObjectNode person = (ObjectNode) body.get("person");
      person.putArray("notes").addObject().put("body", note).put("visibility", "private");
      gh.faults(everyWriteUnanswered(existing.id()));
      String id = gh.push("unanswered-job-" + UUID.randomUUID(), body);
      JsonNode push = finish(gh, id);
      gh.faults("{\"rules\":[]}");

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).as("%s", push).isEqualTo("linked");
      List<Application> onJob =
          gh.harvest.candidates().get(existing.id()).applications().stream()
              .filter(a -> !a.prospect() && a.jobs().stream().anyMatch(j -> j.id() == job))
              .toList();
      assertThat(onJob).hasSize(1);
      assertThat(onJob.get(0).id()).isEqualTo(push.get("application_id").asLong());
      assertThat(notesWithBody(gh, existing.id(), note)).isEqualTo(1);
    }
  }

  @Test
  void a_note_that_was_answered_with_an_error_is_sent_again_and_arrives_once() {
    try (PushFixture gh =
        new PushFixture(b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
      Candidate existing = existingPerson(gh);
      String note = "Second try " + UUID.randomUUID();
      ObjectNode body =
          PushFixture.candidateBody("Known", "Again", existing.emailAddresses().get(0).value(), 1);
      body.putObject("target").put("type", "prospect");
      ((ObjectNode) body.get("person")).putArray("notes").addObject().put("body", note);
      // the note gets a 500 and is not applied: read back, nothing there, sent again
      gh.faults(
          "{\"rules\":[{\"path\":\"/v1/candidates/"
              + existing.id()
              + "/activity_feed/notes\",\"method\":\"POST\",\"error_rate\":1.0}]}");
      String id = gh.push("again-" + UUID.randomUUID(), body);
      gh.worker.runOnce();
      assertThat(gh.pushView(id).get("status").asText()).isEqualTo("running");
      gh.faults("{\"rules\":[]}");
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(notesWithBody(gh, existing.id(), note)).isEqualTo(1);
      assertThat(calls(push, "POST"))
          .containsExactly(
              "POST /v1/candidates/N/applications",
              "POST /v1/candidates/N/activity_feed/notes",
              "POST /v1/candidates/N/activity_feed/notes");
      assertThat(push.get("steps"))
          .filteredOn(step -> step.get("step").asText().equals("note:0"))
          .singleElement()
          .satisfies(step -> assertThat(step.get("sends").asInt()).isEqualTo(2))
          .satisfies(step -> assertThat(step.get("confirmed_by").asText()).isEqualTo("answered"));
    }
  }

  @Test
  void an_unanswered_create_is_waited_for_while_greenhouse_is_still_creating_the_person() {
    // the sandbox makes a new person visible 3 s after the create (30 s / time scale 10)
    PushConfig config = PushFixture.fastConfig().withConfirmWindow(Duration.ofSeconds(20));
    try (PushFixture gh =
        new PushFixture(b -> b.asyncCreate(true).timeScale(10), config, NO_ANSWER_AFTER, false)) {
      String run = UUID.randomUUID().toString().substring(0, 8);
      String candidateEmail = "async-c-" + run + "@example.org";
      String prospectEmail = "async-p-" + run + "@example.org";
      ObjectNode prospect = PushFixture.candidateBody("Async", "Prospect", prospectEmail, 1);
      prospect.putObject("target").put("type", "prospect");
      gh.faults(
          "{\"rules\":[{\"path\":\"/v1/candidates\",\"method\":\"POST\","
              + "\"timeout_after_apply_rate\":1.0},{\"path\":\"/v1/prospects\","
              + "\"method\":\"POST\",\"timeout_after_apply_rate\":1.0}]}");
      String candidateId =
          gh.push(
              "async-c-" + run,
              PushFixture.candidateBody(
                  "Async", "Candidate", candidateEmail, gh.openJobs.get(0).id()));
      String prospectId = gh.push("async-p-" + run, prospect);
      JsonNode candidatePush = finish(gh, candidateId);
      JsonNode prospectPush = finish(gh, prospectId);
      gh.faults("{\"rules\":[]}");

      for (JsonNode push : List.of(candidatePush, prospectPush)) {
        assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
        assertThat(push.get("result").asText()).isEqualTo("created");
        assertThat(calls(push, "POST")).hasSize(1);
        // it looked before creating, then at least once more while the person was invisible
        assertThat(calls(push, "GET")).filteredOn(c -> c.contains("email")).hasSizeGreaterThan(2);
      }
      assertThat(peopleWithEmail(gh, candidateEmail)).isEqualTo(1);
      assertThat(peopleWithEmail(gh, prospectEmail)).isEqualTo(1);
    }
  }

  @Test
  void an_unanswered_create_that_did_not_apply_is_sent_again_once_the_window_has_passed() {
    PushConfig config = PushFixture.fastConfig().withConfirmWindow(Duration.ofMillis(500));
    try (PushFixture gh = new PushFixture(b -> b, config, NO_ANSWER_AFTER, false)) {
      String email = "lost-" + UUID.randomUUID() + "@example.org";
      // a 500 may or may not have applied; here it did not
      gh.faults(
          "{\"rules\":[{\"path\":\"/v1/candidates\",\"method\":\"POST\",\"error_rate\":1.0}]}");
      String id =
          gh.push(
              "lost-" + email,
              PushFixture.candidateBody("Lost", "Create", email, gh.openJobs.get(0).id()));
      gh.worker.runOnce();
      gh.faults("{\"rules\":[]}");
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(calls(push, "POST")).hasSize(2);
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
    }
  }

  @Test
  void with_always_create_an_unanswered_create_beside_an_older_profile_is_not_sent_again() {
    try (PushFixture gh =
        new PushFixture(b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
      Candidate seeded =
          gh.harvest
              .candidates()
              .list(CandidateFilter.all())
              .filter(c -> !c.emailAddresses().isEmpty() && c.applications().size() == 1)
              .filter(c -> !c.applications().get(0).prospect())
              .filter(c -> c.applications().get(0).jobs().size() == 1)
              .findFirst()
              .orElseThrow();
      String email = seeded.emailAddresses().get(0).value();
      long job = seeded.applications().get(0).jobs().get(0).id();
      gh.send(
          "PUT",
          gh.pushes().replace("/pushes", "/push-settings"),
          java.util.Map.of(),
          "{\"duplicate_policy\":\"always_create\"}");
      gh.faults(
          "{\"rules\":[{\"path\":\"/v1/candidates\",\"method\":\"POST\","
              + "\"timeout_after_apply_rate\":1.0}]}");
      String id =
          gh.push("second-" + UUID.randomUUID(), PushFixture.candidateBody("A", "B", email, job));
      JsonNode push = finish(gh, id);
      gh.faults("{\"rules\":[]}");

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(push.get("candidate_id").asLong()).isNotEqualTo(seeded.id());
      assertThat(calls(push, "POST")).hasSize(1);
      assertThat(peopleWithEmail(gh, email)).isEqualTo(2); // the older profile and ours
    }
  }

  /** A person with an email, made for this test, with no application yet. */
  private static Candidate existingPerson(PushFixture gh) {
    String email = "known-" + UUID.randomUUID() + "@example.org";
    return gh.createInGreenhouse("Known", "Person", email, gh.openJobs.get(0).id());
  }

  private static String everyWriteUnanswered(long candidate) {
    StringBuilder rules = new StringBuilder("{\"rules\":[");
    String[] paths = {"/applications", "/activity_feed/notes", "/attachments"};
    for (int i = 0; i < paths.length; i++) {
      rules
          .append(i == 0 ? "" : ",")
          .append("{\"path\":\"/v1/candidates/")
          .append(candidate)
          .append(paths[i])
          .append("\",\"method\":\"POST\",\"timeout_after_apply_rate\":1.0}");
    }
    return rules.append("]}").toString();
  }

  /** Runs the worker until the push is done, failed or needs attention; returns its view. */
  private static JsonNode finish(PushFixture gh, String id) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              gh.drain();
              return List.of("done", "failed", "needs_attention")
                  .contains(gh.pushView(id).get("status").asText());
            });
    return gh.pushView(id);
  }

  /** The push's calls of one method, ids replaced by N. */
  private static List<String> calls(JsonNode push, String method) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : push.get("calls")) {
      if (c.get("method").asText().equals(method)) {
        out.add(method + " " + c.get("path").asText().replaceAll("/\\d{3,}", "/N"));
      }
    }
    return out;
  }

  private static long prospectApplications(PushFixture gh, long candidate) {
    return gh.harvest.candidates().get(candidate).applications().stream()
        .filter(Application::prospect)
        .count();
  }

  private static long notesWithBody(PushFixture gh, long candidate, String body) {
    return gh.harvest.candidates().activityFeed(candidate).notes().stream()
        .filter(n -> body.equals(n.body()))
        .count();
  }

  private static long peopleWithEmail(PushFixture gh, String email) {
    try (var all = gh.harvest.candidates().list(CandidateFilter.all())) {
      return all.filter(
              c -> c.emailAddresses().stream().map(ContactDetail::value).anyMatch(email::equals))
          .count();
    }
  }
}
