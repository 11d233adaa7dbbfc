package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.Api;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.ContactDetail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes Greenhouse applied without answering (the sandbox's {@code timeout_after_apply_rate}),
 * over Harvest v1 and v3: each is read back before it is sent again, so a person found by email
 * gets one application, one note and one file, and a person Greenhouse is still creating is waited
 * for, not created twice. Greenhouse's side is read back over v1 in both runs.
 */
class PushUnansweredWritesTest {
  private static final Duration NO_ANSWER_AFTER = Duration.ofMillis(800);

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_person_found_by_email_gets_one_application_one_note_and_one_file_when_no_write_is_answered(
      Api api) {
    try (PushFixture gh =
        new PushFixture(api, b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
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
      gh.faults(everyWriteUnanswered(api, existing.id()));
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
      if (api == Api.V1) {
        assertThat(calls(push, "POST"))
            .containsExactly(
                "POST /v1/candidates/N/applications",
                "POST /v1/candidates/N/activity_feed/notes",
                "POST /v1/candidates/N/attachments");
        assertThat(calls(push, "GET")).contains("GET /v1/candidates/N/activity_feed");
      } else {
        assertThat(calls(push, "POST"))
            .containsExactly("POST /v3/applications", "POST /v3/notes", "POST /v3/attachments");
        assertThat(calls(push, "GET"))
            .contains("GET /v3/notes?candidate_ids", "GET /v3/attachments?candidate_ids");
      }
      assertThat(push.get("steps"))
          .extracting(s -> s.get("step").asText() + " " + s.get("confirmed_by").asText())
          .containsExactlyInAnyOrder(
              "person read_back", "note:0 read_back", "attachment:0 read_back");
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_candidate_found_by_email_gets_one_application_on_the_job_and_one_note_when_unanswered(
      Api api) {
    try (PushFixture gh =
        new PushFixture(api, b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
      long job = gh.openJobs.get(1).id();
      Candidate existing = existingPerson(gh);
      String note = "Met at a meetup " + UUID.randomUUID();
      ObjectNode body =
          PushFixture.candidateBody(
              "Known", "Candidate", existing.emailAddresses().get(0).value(), job);
      ObjectNode person = (ObjectNode) body.get("person");
      person.putArray("notes").addObject().put("body", note).put("visibility", "private");
      gh.faults(everyWriteUnanswered(api, existing.id()));
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

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_note_that_was_answered_with_an_error_is_sent_again_and_arrives_once(Api api) {
    try (PushFixture gh =
        new PushFixture(api, b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
      Candidate existing = existingPerson(gh);
      String note = "Second try " + UUID.randomUUID();
      ObjectNode body =
          PushFixture.candidateBody("Known", "Again", existing.emailAddresses().get(0).value(), 1);
      body.putObject("target").put("type", "prospect");
      ((ObjectNode) body.get("person")).putArray("notes").addObject().put("body", note);
      // the note gets a 500 and is not applied: read back, nothing there, sent again
      gh.faults(
          "{\"rules\":[{\"path\":\""
              + (api == Api.V1
                  ? "/v1/candidates/" + existing.id() + "/activity_feed/notes"
                  : "/v3/notes")
              + "\",\"method\":\"POST\",\"error_rate\":1.0}]}");
      String id = gh.push("again-" + UUID.randomUUID(), body);
      gh.worker.runOnce();
      assertThat(gh.pushView(id).get("status").asText()).isEqualTo("running");
      gh.faults("{\"rules\":[]}");
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(notesWithBody(gh, existing.id(), note)).isEqualTo(1);
      assertThat(calls(push, "POST"))
          .containsExactlyElementsOf(
              api == Api.V1
                  ? List.of(
                      "POST /v1/candidates/N/applications",
                      "POST /v1/candidates/N/activity_feed/notes",
                      "POST /v1/candidates/N/activity_feed/notes")
                  : List.of("POST /v3/applications", "POST /v3/notes", "POST /v3/notes"));
      assertThat(push.get("steps"))
          .filteredOn(step -> step.get("step").asText().equals("note:0"))
          .singleElement()
          .satisfies(step -> assertThat(step.get("sends").asInt()).isEqualTo(2))
          .satisfies(step -> assertThat(step.get("confirmed_by").asText()).isEqualTo("answered"));
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void an_unanswered_create_is_waited_for_while_greenhouse_is_still_creating_the_person(Api api) {
    // the sandbox makes a new person visible 3 s after the create (30 s / time scale 10); over v3
    // only the candidate: a v3 prospect is made in two calls (see the test after this one)
    PushConfig config = PushFixture.fastConfig().withConfirmWindow(Duration.ofSeconds(20));
    try (PushFixture gh =
        new PushFixture(
            api, b -> b.asyncCreate(true).timeScale(10), config, NO_ANSWER_AFTER, false)) {
      String run = UUID.randomUUID().toString().substring(0, 8);
      String candidateEmail = "async-c-" + run + "@example.org";
      String prospectEmail = "async-p-" + run + "@example.org";
      ObjectNode prospect = PushFixture.candidateBody("Async", "Prospect", prospectEmail, 1);
      prospect.putObject("target").put("type", "prospect");
      gh.faults(
          "{\"rules\":[{\"path\":\""
              + api.path("/candidates")
              + "\",\"method\":\"POST\","
              + "\"timeout_after_apply_rate\":1.0},{\"path\":\"/v1/prospects\","
              + "\"method\":\"POST\",\"timeout_after_apply_rate\":1.0}]}");
      String candidateId =
          gh.push(
              "async-c-" + run,
              PushFixture.candidateBody(
                  "Async", "Candidate", candidateEmail, gh.openJobs.get(0).id()));
      List<String> ids =
          api == Api.V1
              ? List.of(candidateId, gh.push("async-p-" + run, prospect))
              : List.of(candidateId);
      List<JsonNode> pushes = ids.stream().map(id -> finish(gh, id)).toList();
      gh.faults("{\"rules\":[]}");

      for (JsonNode push : pushes) {
        assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
        assertThat(push.get("result").asText()).isEqualTo("created");
        assertThat(calls(push, "POST")).hasSize(1);
        // it looked before creating, then at least once more while the person was invisible
        assertThat(calls(push, "GET")).filteredOn(c -> c.contains("email")).hasSizeGreaterThan(2);
      }
      assertThat(peopleWithEmail(gh, candidateEmail)).isEqualTo(1);
      if (api == Api.V1) {
        assertThat(peopleWithEmail(gh, prospectEmail)).isEqualTo(1);
      }
    }
  }

  /**
   * v3 makes a prospect in two calls (the person, then their prospect application). When the first
   * goes unanswered the person is found by email without the application, adopted as made by this
   * push and given it once: one person, one prospect application, nothing sent twice, and the push
   * reads "created".
   */
  @org.junit.jupiter.api.Test
  void over_v3_an_unanswered_prospect_create_makes_one_person_with_one_prospect_application() {
    PushConfig config = PushFixture.fastConfig().withConfirmWindow(Duration.ofMillis(500));
    try (PushFixture gh = new PushFixture(Api.V3, b -> b, config, NO_ANSWER_AFTER, false)) {
      String email = "split-" + UUID.randomUUID() + "@example.org";
      ObjectNode prospect = PushFixture.candidateBody("Split", "Prospect", email, 1);
      prospect.putObject("target").put("type", "prospect");
      gh.faults(
          "{\"rules\":[{\"path\":\"/v3/candidates\",\"method\":\"POST\","
              + "\"timeout_after_apply_rate\":1.0}]}");
      String id = gh.push("split-" + email, prospect);
      gh.worker.runOnce(); // the person is made, the answer never comes
      gh.faults("{\"rules\":[]}");
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(calls(push, "POST"))
          .containsExactly("POST /v3/candidates", "POST /v3/applications");
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
      long candidate = push.get("candidate_id").asLong();
      assertThat(prospectApplications(gh, candidate)).isEqualTo(1);
      assertThat(gh.harvest.candidates().get(candidate).applications())
          .singleElement()
          .satisfies(a -> assertThat(a.id()).isEqualTo(push.get("application_id").asLong()));
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void an_unanswered_create_that_did_not_apply_is_sent_again_once_the_window_has_passed(Api api) {
    PushConfig config = PushFixture.fastConfig().withConfirmWindow(Duration.ofMillis(500));
    try (PushFixture gh = new PushFixture(api, b -> b, config, NO_ANSWER_AFTER, false)) {
      String email = "lost-" + UUID.randomUUID() + "@example.org";
      // a 500 may or may not have applied; here it did not
      gh.faults(
          "{\"rules\":[{\"path\":\""
              + api.path("/candidates")
              + "\",\"method\":\"POST\",\"error_rate\":1.0}]}");
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
      PushReliabilityTest.assertLooksUpBeforeCreatingAgain(api, push);
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void with_always_create_an_unanswered_create_beside_an_older_profile_is_not_sent_again(Api api) {
    try (PushFixture gh =
        new PushFixture(api, b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
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
          "{\"rules\":[{\"path\":\""
              + api.path("/candidates")
              + "\",\"method\":\"POST\","
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

  /**
   * Fault rules leaving every application, note and file write unanswered: v1's name the person in
   * the path; v3's writes are top-level resources (each test has a sandbox of its own).
   */
  private static String everyWriteUnanswered(Api api, long candidate) {
    StringBuilder rules = new StringBuilder("{\"rules\":[");
    String[] paths =
        api == Api.V1
            ? new String[] {
              "/v1/candidates/" + candidate + "/applications",
              "/v1/candidates/" + candidate + "/activity_feed/notes",
              "/v1/candidates/" + candidate + "/attachments"
            }
            : new String[] {"/v3/applications", "/v3/notes", "/v3/attachments"};
    for (int i = 0; i < paths.length; i++) {
      rules
          .append(i == 0 ? "" : ",")
          .append("{\"path\":\"")
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
