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
import io.headhuntr.harvest.ProspectPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A new person's file, education, employment and note, and a new prospect's application, arrive
 * exactly once, over Harvest v1 and v3, when a write goes unanswered or fails and when Greenhouse
 * is still making the person. Over v1 they ride in the one create; over v3 each is a call of its
 * own after the person exists, recorded as a step and read back before it is sent again (issue 12).
 * Greenhouse's side is read back over v1 in both runs.
 */
class PushNewPersonPartsTest {
  private static final Duration NO_ANSWER_AFTER = Duration.ofMillis(800);

  @ParameterizedTest
  @EnumSource(Api.class)
  void an_unanswered_file_upload_neither_loses_the_note_after_it_nor_doubles_the_file(Api api) {
    try (PushFixture gh =
        new PushFixture(api, b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
      String email = "parts-" + UUID.randomUUID() + "@example.org";
      // over v1 the file rides in the create; over v3 it is the first write after it
      gh.faults(unanswered(api == Api.V1 ? "/v1/candidates" : "/v3/attachments"));
      String id = gh.push("parts-" + email, withParts(gh, email, false));
      gh.worker.runOnce();
      gh.faults("{\"rules\":[]}");
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      long candidate = push.get("candidate_id").asLong();
      assertThat(files(gh, candidate, "cv.txt")).isEqualTo(1);
      assertThat(notes(gh, candidate, "note " + email)).isEqualTo(1);
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void when_no_write_of_a_new_person_is_answered_each_part_is_read_back_and_arrives_once(Api api) {
    try (PushFixture gh =
        new PushFixture(api, b -> b, PushFixture.fastConfig(), NO_ANSWER_AFTER, false)) {
      String email = "silent-" + UUID.randomUUID() + "@example.org";
      // every write is applied and never answered, however often it is sent
      gh.faults(
          api == Api.V1
              ? unanswered("/v1/candidates")
              : unanswered(
                  "/v3/candidates",
                  "/v3/attachments",
                  "/v3/candidate_educations",
                  "/v3/candidate_employments",
                  "/v3/notes"));
      String id = gh.push("silent-" + email, withParts(gh, email, true));
      JsonNode push = finish(gh, id);
      gh.faults("{\"rules\":[]}");

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
      long candidate = push.get("candidate_id").asLong();
      assertEveryPartOnce(gh, candidate, email);
      if (api == Api.V1) {
        assertThat(calls(push, "POST")).containsExactly("POST /v1/candidates");
        assertThat(steps(push)).containsExactly("person read_back");
      } else {
        assertThat(calls(push, "POST"))
            .containsExactly(
                "POST /v3/candidates",
                "POST /v3/attachments",
                "POST /v3/candidate_educations",
                "POST /v3/candidate_employments",
                "POST /v3/notes");
        assertThat(steps(push))
            .containsExactlyInAnyOrder(
                "person read_back",
                "attachment:0 read_back",
                "education:0 read_back",
                "employment:0 read_back",
                "note:0 read_back");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_part_answered_with_a_server_error_is_sent_again_once_and_the_parts_before_it_are_not(
      Api api) {
    PushConfig config = PushFixture.fastConfig().withConfirmWindow(Duration.ofMillis(500));
    try (PushFixture gh = new PushFixture(api, b -> b, config, NO_ANSWER_AFTER, false)) {
      String email = "five-" + UUID.randomUUID() + "@example.org";
      // a 500 that did not apply: on the create over v1, on the last part (the note) over v3
      gh.faults(
          "{\"rules\":[{\"path\":\""
              + (api == Api.V1 ? "/v1/candidates" : "/v3/notes")
              + "\",\"method\":\"POST\",\"error_rate\":1.0}]}");
      String id = gh.push("five-" + email, withParts(gh, email, true));
      gh.worker.runOnce();
      assertThat(gh.pushView(id).get("status").asText()).isEqualTo("running");
      gh.faults("{\"rules\":[]}");
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
      assertEveryPartOnce(gh, push.get("candidate_id").asLong(), email);
      assertThat(calls(push, "POST"))
          .containsExactlyElementsOf(
              api == Api.V1
                  ? List.of("POST /v1/candidates", "POST /v1/candidates")
                  : List.of(
                      "POST /v3/candidates",
                      "POST /v3/attachments",
                      "POST /v3/candidate_educations",
                      "POST /v3/candidate_employments",
                      "POST /v3/notes",
                      "POST /v3/notes"));
      if (api == Api.V3) {
        assertThat(push.get("steps"))
            .filteredOn(s -> s.get("step").asText().equals("note:0"))
            .singleElement()
            .satisfies(s -> assertThat(s.get("sends").asInt()).isEqualTo(2));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_person_greenhouse_is_still_making_gets_their_file_and_note(Api api) {
    try (PushFixture gh =
        PushFixture.start(api, b -> b.asyncCreate(true).timeScale(60), PushFixture.fastConfig())) {
      String email = "async-parts-" + UUID.randomUUID() + "@example.org";
      String id = gh.push("async-parts-" + email, withParts(gh, email, false));
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      long candidate = push.get("candidate_id").asLong();
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(notes(gh, candidate, "note " + email)).isEqualTo(1));
      assertThat(files(gh, candidate, "cv.txt")).isEqualTo(1);
      assertThat(push.get("warnings").toString()).doesNotContain("refused");
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_prospect_greenhouse_is_still_making_gets_one_application_in_its_pool_its_file_and_note(
      Api api) {
    try (PushFixture gh =
        PushFixture.start(api, b -> b.asyncCreate(true).timeScale(60), PushFixture.fastConfig())) {
      ProspectPool pool = gh.harvest.prospectPools().list().findFirst().orElseThrow();
      String email = "async-prospect-" + UUID.randomUUID() + "@example.org";
      ObjectNode body = withParts(gh, email, false);
      body.putObject("target").put("type", "prospect").put("prospect_pool_id", pool.id());
      String id = gh.push("async-prospect-" + email, body);
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(push.get("warnings").toString()).doesNotContain("refused");
      long candidate = push.get("candidate_id").asLong();
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(prospectApplications(gh, candidate)).hasSize(1));
      Application app = prospectApplications(gh, candidate).get(0);
      assertThat(app.id()).isEqualTo(push.get("application_id").asLong());
      assertThat(app.prospectDetail().prospectPool().id()).isEqualTo(pool.id());
      assertThat(files(gh, candidate, "cv.txt")).isEqualTo(1);
      assertThat(notes(gh, candidate, "note " + email)).isEqualTo(1);
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
    }
  }

  /**
   * v1 makes a prospect in one call, v3 in two (the person, then their prospect application). When
   * the first call goes unanswered, the person it made is adopted at once, given their application
   * over v3, and the push reads "created", long before the confirm window (5 min) is over.
   */
  @ParameterizedTest
  @EnumSource(Api.class)
  void an_unanswered_prospect_create_reads_created_without_waiting_out_the_confirm_window(Api api) {
    PushConfig config = PushFixture.fastConfig().withConfirmWindow(Duration.ofMinutes(5));
    try (PushFixture gh = new PushFixture(api, b -> b, config, NO_ANSWER_AFTER, false)) {
      String email = "prospect-" + UUID.randomUUID() + "@example.org";
      ObjectNode body = PushFixture.candidateBody("Quick", "Prospect", email, 1);
      body.putObject("target").put("type", "prospect");
      gh.faults(unanswered(api == Api.V1 ? "/v1/prospects" : "/v3/candidates"));
      String id = gh.push("prospect-" + email, body);
      gh.worker.runOnce(); // the person is made, the answer never comes
      gh.faults("{\"rules\":[]}");
      JsonNode push = finish(gh, id);

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(calls(push, "POST"))
          .containsExactlyElementsOf(
              api == Api.V1
                  ? List.of("POST /v1/prospects")
                  : List.of("POST /v3/candidates", "POST /v3/applications"));
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
      long candidate = push.get("candidate_id").asLong();
      assertThat(prospectApplications(gh, candidate))
          .singleElement()
          .satisfies(a -> assertThat(a.id()).isEqualTo(push.get("application_id").asLong()));
    }
  }

  /**
   * The second call of a v3 prospect: refused while Greenhouse is still making the person, then,
   * once they show, applied without an answer while Greenhouse is still making the application. It
   * is looked for until it shows and adopted, never sent twice.
   */
  @Test
  void over_v3_an_unanswered_prospect_application_is_waited_for_and_not_sent_twice() {
    PushConfig config = PushFixture.fastConfig().withConfirmWindow(Duration.ofSeconds(20));
    try (PushFixture gh =
        new PushFixture(
            Api.V3, b -> b.asyncCreate(true).timeScale(10), config, NO_ANSWER_AFTER, false)) {
      String email = "second-call-" + UUID.randomUUID() + "@example.org";
      ObjectNode body = PushFixture.candidateBody("Second", "Call", email, 1);
      body.putObject("target").put("type", "prospect");
      String id = gh.push("second-call-" + email, body);
      gh.worker.runOnce(); // the person is made (visible 3 s later); their application is refused
      assertThat(gh.pushView(id).get("step").asText()).isEqualTo("await_visible");
      // from now on every prospect application is made and never answered
      gh.faults(unanswered("/v3/applications"));
      JsonNode push = finish(gh, id);
      gh.faults("{\"rules\":[]}");

      assertThat(push.get("status").asText()).as("%s", push).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(calls(push, "POST"))
          .containsExactly("POST /v3/candidates", "POST /v3/applications", "POST /v3/applications");
      assertThat(push.get("steps"))
          .filteredOn(s -> s.get("step").asText().equals("application"))
          .singleElement()
          .satisfies(s -> assertThat(s.get("sends").asInt()).isEqualTo(1))
          .satisfies(s -> assertThat(s.get("confirmed_by").asText()).isEqualTo("read_back"));
      long candidate = push.get("candidate_id").asLong();
      assertThat(prospectApplications(gh, candidate))
          .singleElement()
          .satisfies(a -> assertThat(a.id()).isEqualTo(push.get("application_id").asLong()));
      assertThat(peopleWithEmail(gh, email)).isEqualTo(1);
    }
  }

  /** A candidate on an open job with a file and a note (and an education and an employment). */
  private static ObjectNode withParts(PushFixture gh, String email, boolean background) {
    ObjectNode body = PushFixture.candidateBody("Parts", "Person", email, gh.openJobs.get(0).id());
    ObjectNode person = (ObjectNode) body.get("person");
    person.putArray("notes").addObject().put("body", "note " + email);
    if (background) {
      person
          .putArray("educations")
          .addObject()
          .put("school", gh.harvest.schools().list().findFirst().orElseThrow().name())
          .put("start_date", "2001-09-01")
          .put("end_date", "2005-06-30");
      person
          .putArray("employments")
          .addObject()
          .put("company_name", "Parts Ltd " + email)
          .put("title", "Engineer")
          .put("start_date", "2006-01-01");
    }
    body.putArray("attachments")
        .addObject()
        .put("type", "resume")
        .put("filename", "cv.txt")
        .put("content_type", "text/plain")
        .put("content", Base64.getEncoder().encodeToString("cv".getBytes()));
    return body;
  }

  private static void assertEveryPartOnce(PushFixture gh, long candidate, String email) {
    Candidate c = gh.harvest.candidates().get(candidate);
    assertThat(files(gh, candidate, "cv.txt")).isEqualTo(1);
    assertThat(c.educations()).hasSize(1);
    assertThat(c.employments())
        .singleElement()
        .satisfies(e -> assertThat(e.companyName()).isEqualTo("Parts Ltd " + email));
    assertThat(notes(gh, candidate, "note " + email)).isEqualTo(1);
  }

  /** Fault rules: each POST to these paths is applied and never answered. */
  private static String unanswered(String... paths) {
    StringBuilder rules = new StringBuilder("{\"rules\":[");
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

  /** The push's recorded steps as "name how-confirmed". */
  private static List<String> steps(JsonNode push) {
    List<String> out = new ArrayList<>();
    push.get("steps")
        .forEach(s -> out.add(s.get("step").asText() + " " + s.get("confirmed_by").asText()));
    return out;
  }

  private static long files(PushFixture gh, long candidate, String filename) {
    return gh.harvest.candidates().get(candidate).attachments().stream()
        .filter(a -> a.filename().equals(filename))
        .count();
  }

  private static long notes(PushFixture gh, long candidate, String body) {
    return gh.harvest.candidates().activityFeed(candidate).notes().stream()
        .filter(n -> body.equals(n.body()))
        .count();
  }

  private static List<Application> prospectApplications(PushFixture gh, long candidate) {
    return gh.harvest.candidates().get(candidate).applications().stream()
        .filter(Application::prospect)
        .toList();
  }

  private static long peopleWithEmail(PushFixture gh, String email) {
    try (var all = gh.harvest.candidates().list(CandidateFilter.all())) {
      return all.filter(
              c -> c.emailAddresses().stream().map(ContactDetail::value).anyMatch(email::equals))
          .count();
    }
  }
}
