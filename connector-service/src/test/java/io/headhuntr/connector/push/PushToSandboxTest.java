package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.Api;
import io.headhuntr.harvest.Activity;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.ProspectPool;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each target type against the sandbox, over Harvest v1 and v3: what arrives in Greenhouse (read
 * back over v1 in both runs), in how many calls, as whom.
 */
class PushToSandboxTest {
  private static final Map<Api, PushFixture> FIXTURES = new EnumMap<>(Api.class);

  /** One test bed per version, shared by the tests of that version. */
  private static synchronized PushFixture fixture(Api api) {
    return FIXTURES.computeIfAbsent(api, PushFixture::start);
  }

  @AfterAll
  static void stop() {
    FIXTURES.values().forEach(PushFixture::close);
  }

  private static String email() {
    return "p-" + UUID.randomUUID() + "@example.org";
  }

  private static List<Candidate> byEmail(PushFixture gh, String email) {
    return gh.harvest.candidates().list(CandidateFilter.builder().email(email).build()).toList();
  }

  private static List<JsonNode> writes(JsonNode push) {
    List<JsonNode> out = new ArrayList<>();
    push.get("calls")
        .forEach(
            c -> {
              if (!c.get("method").asText().equals("GET")) {
                out.add(c);
              }
            });
    return out;
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_new_candidate_arrives_in_one_write_with_resume_educations_employments_and_note(Api api) {
    PushFixture gh = fixture(api);
    Job job = gh.openJobs.get(0);
    String email = email();
    String school = gh.harvest.schools().list().findFirst().orElseThrow().name();
    String degree = gh.harvest.degrees().list().findFirst().orElseThrow().name();
    ObjectNode body = PushFixture.candidateBody("Ada", "Lovelace", email, job.id());
    ObjectNode person = (ObjectNode) body.get("person");
    person.put("company", "Analytical Engines").put("title", "Engineer");
    person.putArray("phone_numbers").addObject().put("value", "+44 20 1234").put("type", "mobile");
    ArrayNode educations = person.putArray("educations");
    educations
        .addObject()
        .put("school", school.toUpperCase())
        .put("degree", degree)
        .put("start_date", "2001-09")
        .put("end_date", "2005-06-30");
    educations.addObject().put("school", "University of Nowhere Special").put("degree", degree);
    ArrayNode employments = person.putArray("employments");
    employments
        .addObject()
        .put("company_name", "Babbage Ltd")
        .put("title", "Analyst")
        .put("start_date", "2006-01-01");
    employments
        .addObject()
        .put("company_name", "Engines Inc")
        .put("title", "Lead")
        .put("start_date", "2010-01-01")
        .put("end_date", "2015-01-01");
    person
        .putArray("notes")
        .addObject()
        .put("body", "Met at the conference")
        .put("visibility", "public");
    byte[] pdf = "%PDF-1.4 resume of Ada".getBytes();
    body.putArray("attachments")
        .addObject()
        .put("type", "resume")
        .put("filename", "ada.pdf")
        .put("content_type", "application/pdf")
        .put("content", Base64.getEncoder().encodeToString(pdf));

    String id = gh.push("new-" + email, body);
    assertThat(gh.pushView(id).get("status").asText()).isEqualTo("queued");
    gh.drain();

    JsonNode push = gh.pushView(id);
    assertThat(push.get("status").asText()).isEqualTo("done");
    assertThat(push.get("result").asText()).isEqualTo("created");
    if (api == Api.V1) {
      assertThat(writes(push))
          .extracting(c -> c.get("method").asText() + " " + c.get("path").asText())
          .containsExactly("POST /v1/candidates");
    } else {
      // v3 creates the candidate with its application in one call, then takes the file, each
      // education, employment and note (the conference one, and the one keeping the unknown
      // school) in a call of its own
      assertThat(writes(push))
          .extracting(c -> c.get("method").asText() + " " + c.get("path").asText())
          .containsExactly(
              "POST /v3/candidates",
              "POST /v3/attachments",
              "POST /v3/candidate_educations",
              "POST /v3/candidate_educations",
              "POST /v3/candidate_employments",
              "POST /v3/candidate_employments",
              "POST /v3/notes",
              "POST /v3/notes");
    }
    assertThat(push.get("warnings").toString())
        .contains("person.educations[1].school")
        .contains("University of Nowhere Special");

    List<Candidate> found = byEmail(gh, email);
    assertThat(found).hasSize(1);
    Candidate c = gh.harvest.candidates().get(found.get(0).id());
    assertThat(c.id()).isEqualTo(push.get("candidate_id").asLong());
    assertThat(c.company()).isEqualTo("Analytical Engines");
    assertThat(c.educations()).hasSize(2);
    assertThat(c.educations().get(0).schoolName()).isEqualToIgnoringCase(school);
    assertThat(c.employments())
        .extracting(e -> e.companyName())
        .containsExactlyInAnyOrder("Babbage Ltd", "Engines Inc");
    assertThat(c.applications())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo(push.get("application_id").asLong());
              assertThat(a.jobs()).extracting(j -> j.id()).containsExactly(job.id());
              assertThat(a.creditedTo().id()).isEqualTo(gh.actingGreenhouseId);
            });
    assertThat(c.attachments())
        .extracting(a -> a.filename() + "/" + a.type())
        .contains("ada.pdf/resume");
    var feed = gh.harvest.candidates().activityFeed(c.id());
    assertThat(feed.notes())
        .extracting(n -> n.body())
        .contains("Met at the conference")
        .anySatisfy(b -> assertThat(b).contains("University of Nowhere Special"));
    assertThat(feed.notes())
        .allSatisfy(n -> assertThat(n.user().id()).isEqualTo(gh.actingGreenhouseId));
    assertThat(feed.activities())
        .extracting(Activity::user)
        .isNotEmpty()
        .allSatisfy(u -> assertThat(u.id()).isEqualTo(gh.actingGreenhouseId));
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_person_whose_email_exists_gets_an_application_instead_of_a_second_profile(Api api) {
    PushFixture gh = fixture(api);
    Candidate existing =
        gh.harvest
            .candidates()
            .list(CandidateFilter.all())
            .filter(
                c ->
                    !c.emailAddresses().isEmpty()
                        && c.applications().stream().noneMatch(Application::prospect))
            .findFirst()
            .orElseThrow();
    String email = existing.emailAddresses().get(0).value();
    Job other =
        gh.openJobs.stream()
            .filter(
                j ->
                    existing.applications().stream()
                        .flatMap(a -> a.jobs().stream())
                        .noneMatch(n -> n.id() == j.id()))
            .findFirst()
            .orElseThrow();
    ObjectNode body = PushFixture.candidateBody("Someone", "Else", "other-" + email, other.id());
    ((ArrayNode) body.get("person").get("email_addresses"))
        .addObject()
        .put("value", email.toUpperCase())
        .put("type", "work");
    String id = gh.push("dup-" + UUID.randomUUID(), body);
    gh.drain();

    JsonNode push = gh.pushView(id);
    assertThat(push.get("status").asText()).isEqualTo("done");
    assertThat(push.get("result").asText()).isEqualTo("linked");
    assertThat(push.get("candidate_id").asLong()).isEqualTo(existing.id());
    assertThat(byEmail(gh, email)).extracting(Candidate::id).containsExactly(existing.id());
    assertThat(gh.harvest.candidates().get(existing.id()).applications())
        .anySatisfy(a -> assertThat(a.jobs()).extracting(j -> j.id()).contains(other.id()));

    // the same person on the same job again: reported, nothing written
    String again =
        gh.push(
            "dup-again-" + UUID.randomUUID(),
            PushFixture.candidateBody("Someone", "Else", email, other.id()));
    gh.drain();
    JsonNode second = gh.pushView(again);
    assertThat(second.get("result").asText()).isEqualTo("already_on_job");
    assertThat(second.get("application_id").asLong())
        .isEqualTo(push.get("application_id").asLong());
    assertThat(writes(second)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void always_create_policy_makes_a_new_profile_even_when_the_email_exists(Api api) {
    PushFixture other = PushFixture.start(api);
    try {
      String email = email();
      other.push(
          "first-" + email, PushFixture.candidateBody("A", "B", email, other.openJobs.get(0).id()));
      other.drain();
      var settings =
          other.send(
              "PUT",
              other.pushes().replace("/pushes", "/push-settings"),
              java.util.Map.of(),
              "{\"duplicate_policy\":\"always_create\"}");
      assertThat(settings.json().get("duplicate_policy").asText()).isEqualTo("always_create");
      String second =
          other.push(
              "second-" + email,
              PushFixture.candidateBody("A", "B", email, other.openJobs.get(0).id()));
      other.drain();
      assertThat(other.pushView(second).get("result").asText())
          .as(other.pushView(second).toString())
          .isEqualTo("created");
      assertThat(
              other
                  .harvest
                  .candidates()
                  .list(CandidateFilter.builder().email(email).build())
                  .count())
          .isEqualTo(2);
    } finally {
      other.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_prospect_goes_into_its_pool_and_stage(Api api) {
    PushFixture gh = fixture(api);
    ProspectPool pool =
        gh.harvest
            .prospectPools()
            .list()
            .filter(p -> !p.prospectStages().isEmpty())
            .findFirst()
            .orElseThrow();
    long stage = pool.prospectStages().get(pool.prospectStages().size() - 1).id();
    String email = email();
    ObjectNode body = PushFixture.candidateBody("Grace", "Hopper", email, 1);
    body.putObject("target")
        .put("type", "prospect")
        .put("prospect_pool_id", pool.id())
        .put("prospect_pool_stage_id", stage)
        .putArray("job_ids")
        .add(gh.openJobs.get(1).id());
    String id = gh.push("prospect-" + email, body);
    gh.drain();

    JsonNode push = gh.pushView(id);
    assertThat(push.get("status").asText()).isEqualTo("done");
    assertThat(writes(push))
        .extracting(
            c ->
                c.get("method").asText()
                    + " "
                    + c.get("path").asText().replaceAll("/\\d{3,}", "/N"))
        .containsExactlyElementsOf(
            api == Api.V1
                ? List.of("POST /v1/prospects", "PATCH /v1/applications/N")
                // v3 makes the person, then their prospect application, then sets its pool
                : List.of(
                    "POST /v3/candidates", "POST /v3/applications", "PATCH /v3/applications/N"));
    Application app = gh.harvest.applications().get(push.get("application_id").asLong());
    assertThat(app.prospect()).isTrue();
    assertThat(app.prospectDetail().prospectPool().id()).isEqualTo(pool.id());
    assertThat(app.prospectDetail().prospectStage().id()).isEqualTo(stage);
    assertThat(app.jobs()).extracting(j -> j.id()).containsExactly(gh.openJobs.get(1).id());
    assertThat(byEmail(gh, email)).hasSize(1);

    // once the mirror knows the prospect application, the outcome names its pool and stage
    gh.database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into mirror_application (tenant_id,"
                        + " application_id, candidate_id, prospect, status, prospect_pool, prospect_stage)"
                        + " values (?, ?, ?, true, 'active', cast(? as jsonb), cast(? as jsonb))",
                    gh.tenant,
                    app.id(),
                    push.get("candidate_id").asLong(),
                    "{\"id\":" + pool.id() + ",\"name\":\"" + pool.name() + "\"}",
                    "{\"id\":" + stage + ",\"name\":\"Engaged\"}"));
    JsonNode outcome = gh.pushView(id).get("outcome");
    assertThat(outcome.get("state").asText()).isEqualTo("active");
    assertThat(outcome.get("prospect_pool").asText()).isEqualTo(pool.name());
    assertThat(outcome.get("prospect_stage").asText()).isEqualTo("Engaged");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_refusal_by_greenhouse_fails_the_push_naming_the_field(Api api) {
    PushFixture gh = fixture(api);
    Job job = gh.openJobs.get(0);
    long foreignStage =
        gh.harvest.jobStages().listForJob(gh.openJobs.get(1).id()).findFirst().orElseThrow().id();
    ObjectNode body = PushFixture.candidateBody("Bad", "Stage", email(), job.id());
    ((ObjectNode) body.get("target")).put("initial_stage_id", foreignStage);
    String id = gh.push("bad-stage-" + UUID.randomUUID(), body);
    gh.drain();

    JsonNode push = gh.pushView(id);
    assertThat(push.get("status").asText()).isEqualTo("failed");
    assertThat(push.get("error").asText()).contains("initial_stage_id").contains("does not belong");
    // v3 names the field by its place in the candidate body, where the application is nested
    assertThat(push.get("field_errors").get(0).get("field").asText())
        .isEqualTo(api == Api.V1 ? "initial_stage_id" : "application.initial_stage_id");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void the_demo_samples_create_link_and_prospect(Api api) {
    PushFixture fresh = PushFixture.start(api);
    try {
      Candidate existing =
          fresh
              .harvest
              .candidates()
              .list(CandidateFilter.all())
              .filter(c -> !c.emailAddresses().isEmpty())
              .findFirst()
              .orElseThrow();
      ProspectPool pool = fresh.harvest.prospectPools().list().findFirst().orElseThrow();
      List<ObjectNode> samples =
          PushSamples.demo(
              PushFixture.ACTING_USER,
              fresh.openJobs.get(2).id(),
              existing.emailAddresses().get(0).value(),
              pool.id(),
              null);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        ids.add(fresh.push("demo-" + i, samples.get(i)));
      }
      fresh.drain();
      assertThat(ids)
          .extracting(id -> fresh.pushView(id).get("result").asText())
          .containsExactly("created", "linked", "created");
      assertThat(fresh.pushView(ids.get(1)).get("candidate_id").asLong()).isEqualTo(existing.id());
    } finally {
      fresh.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_key_that_may_not_list_schools_still_pushes_keeping_the_education_in_a_note(Api api)
      throws Exception {
    PushFixture limited = PushFixture.start(api);
    try {
      if (api == Api.V1) {
        List<String> permissions = new ArrayList<>();
        for (var f : io.headhuntr.sandbox.Permissions.class.getFields()) {
          if (f.getType() == String.class
              && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
            String p = (String) f.get(null);
            if (!p.equals(io.headhuntr.sandbox.Permissions.LIST_SCHOOLS)) {
              permissions.add(p);
            }
          }
        }
        limited.sandboxAdmin("DELETE", "/sandbox/keys/" + limited.apiKey, null);
        limited.sandboxAdmin(
            "POST",
            "/sandbox/keys",
            PushFixture.JSON.writeValueAsString(
                java.util.Map.of("key", limited.apiKey, "permissions", permissions)));
      } else {
        // v3 lists schools (with degrees and disciplines) as custom field options
        List<String> scopes =
            io.headhuntr.sandbox.oauth.Scopes.ALL.stream()
                .filter(scope -> !scope.equals("harvest:custom_field_options:list"))
                .toList();
        limited.sandboxAdmin(
            "PUT",
            "/sandbox/oauth/clients/" + limited.sandbox.demoCustomClient().clientId() + "/scopes",
            PushFixture.JSON.writeValueAsString(java.util.Map.of("scopes", scopes)));
      }
      String email = email();
      ObjectNode body =
          PushFixture.candidateBody("No", "Schools", email, limited.openJobs.get(0).id());
      ((ObjectNode) body.get("person")).putArray("educations").addObject().put("school", "MIT");
      String id = limited.push("limited-" + email, body);
      limited.drain();
      JsonNode push = limited.pushView(id);
      assertThat(push.get("status").asText()).isEqualTo("done");
      assertThat(push.get("warnings").toString()).contains("MIT");
      assertThat(
              limited.harvest.candidates().activityFeed(push.get("candidate_id").asLong()).notes())
          .anySatisfy(n -> assertThat(n.body()).contains("school: MIT"));
    } finally {
      limited.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void the_mirror_is_asked_first_and_a_stale_mirror_entry_falls_back_to_greenhouse(Api api) {
    PushFixture gh = fixture(api);
    Candidate known =
        gh.harvest
            .candidates()
            .list(CandidateFilter.all())
            .filter(c -> c.applications().stream().noneMatch(Application::prospect))
            .skip(3)
            .findFirst()
            .orElseThrow();
    String mirrorOnly = "mirror-only-" + UUID.randomUUID() + "@example.org";
    long gone = 99_999_999L;
    String staleEmail = "stale-" + UUID.randomUUID() + "@example.org";
    gh.database
        .jdbi()
        .useHandle(
            h -> {
              for (long[] row : new long[][] {{known.id(), 0}, {gone, 1}}) {
                h.execute(
                    "insert into mirror_candidate (tenant_id, candidate_id) values (?, ?) on conflict do nothing",
                    gh.tenant,
                    row[0]);
                h.execute(
                    "insert into mirror_candidate_email (tenant_id, candidate_id, position, email) values (?, ?, 0, ?)",
                    gh.tenant,
                    row[0],
                    row[1] == 0 ? mirrorOnly : staleEmail);
              }
            });
    Job job =
        gh.openJobs.stream()
            .filter(
                j ->
                    known.applications().stream()
                        .flatMap(a -> a.jobs().stream())
                        .noneMatch(n -> n.id() == j.id()))
            .findFirst()
            .orElseThrow();
    String linked =
        gh.push(
            "mirror-" + mirrorOnly,
            PushFixture.candidateBody("Mirror", "Known", mirrorOnly, job.id()));
    String fresh =
        gh.push(
            "stale-" + staleEmail,
            PushFixture.candidateBody("Stale", "Entry", staleEmail, job.id()));
    gh.drain();

    JsonNode viaMirror = gh.pushView(linked);
    assertThat(viaMirror.get("result").asText()).isEqualTo("linked");
    assertThat(viaMirror.get("candidate_id").asLong()).isEqualTo(known.id());
    String read =
        api == Api.V1 ? "/v1/candidates/" + known.id() : "/v3/candidates?ids=" + known.id();
    assertThat(viaMirror.get("calls").toString()).contains(read).doesNotContain("email=");
    JsonNode afterStale = gh.pushView(fresh);
    assertThat(afterStale.get("result").asText()).isEqualTo("created");
    // v1 answers 404 for a person it no longer has; v3 reads by ?ids= and answers an empty list
    assertThat(afterStale.get("calls").toString())
        .contains(api == Api.V1 ? "\"status\":404" : "/v3/candidates?ids=" + gone)
        .contains("email=");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void the_source_is_the_pushed_one_else_the_tenant_default(Api api) {
    PushFixture gh = fixture(api);
    List<io.headhuntr.harvest.Source> sources = gh.harvest.sources().list().limit(2).toList();
    String settings = gh.pushes().replace("/pushes", "/push-settings");
    gh.send(
        "PUT", settings, java.util.Map.of(), "{\"default_source_id\":" + sources.get(0).id() + "}");
    try {
      String byDefault =
          gh.push(
              "src-" + UUID.randomUUID(),
              PushFixture.candidateBody("Source", "Default", email(), gh.openJobs.get(0).id()));
      String chosen =
          gh.push(
              "src-" + UUID.randomUUID(),
              PushFixture.candidateBody("Source", "Chosen", email(), gh.openJobs.get(0).id())
                  .put("source_id", sources.get(1).id()));
      gh.drain();
      assertThat(
              gh.harvest
                  .applications()
                  .get(gh.pushView(byDefault).get("application_id").asLong())
                  .source()
                  .id())
          .isEqualTo(sources.get(0).id());
      assertThat(
              gh.harvest
                  .applications()
                  .get(gh.pushView(chosen).get("application_id").asLong())
                  .source()
                  .id())
          .isEqualTo(sources.get(1).id());
    } finally {
      gh.send("PUT", settings, java.util.Map.of(), "{}");
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_prospect_whose_pool_stage_is_refused_is_still_done_with_a_warning(Api api) {
    PushFixture gh = fixture(api);
    List<ProspectPool> pools =
        gh.harvest
            .prospectPools()
            .list()
            .filter(p -> !p.prospectStages().isEmpty())
            .limit(2)
            .toList();
    String email = email();
    ObjectNode body = PushFixture.candidateBody("Wrong", "Stage", email, 1);
    body.putObject("target")
        .put("type", "prospect")
        .put("prospect_pool_id", pools.get(0).id())
        .put("prospect_pool_stage_id", pools.get(1).prospectStages().get(0).id());
    String id = gh.push("wrong-stage-" + email, body);
    gh.drain();
    JsonNode push = gh.pushView(id);
    assertThat(push.get("status").asText()).isEqualTo("done");
    assertThat(push.get("result").asText()).isEqualTo("created");
    assertThat(push.get("warnings").toString())
        .contains("refused a write after the person existed");
    assertThat(byEmail(gh, email)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void an_existing_person_pushed_as_prospect_gets_a_prospect_application_their_file_and_note(
      Api api) {
    PushFixture gh = fixture(api);
    Candidate existing =
        gh.harvest
            .candidates()
            .list(CandidateFilter.all())
            .filter(c -> !c.emailAddresses().isEmpty())
            .skip(5)
            .findFirst()
            .orElseThrow();
    ProspectPool pool =
        gh.harvest
            .prospectPools()
            .list()
            .filter(p -> !p.prospectStages().isEmpty())
            .findFirst()
            .orElseThrow();
    ObjectNode body =
        PushFixture.candidateBody("Known", "Prospect", existing.emailAddresses().get(0).value(), 1);
    body.putObject("target")
        .put("type", "prospect")
        .put("prospect_pool_id", pool.id())
        .put("prospect_pool_stage_id", pool.prospectStages().get(0).id())
        .put("prospect_owner_user_id", PushFixture.ACTING_USER);
    ((ObjectNode) body.get("person")).putArray("notes").addObject().put("body", "Open to a move");
    body.putArray("attachments")
        .addObject()
        .put("type", "resume")
        .put("filename", "known.txt")
        .put("content_type", "text/plain")
        .put("content", Base64.getEncoder().encodeToString("cv".getBytes()));
    String id = gh.push("known-prospect-" + UUID.randomUUID(), body);
    gh.drain();

    JsonNode push = gh.pushView(id);
    assertThat(push.get("result").asText()).isEqualTo("linked");
    assertThat(writes(push))
        .extracting(
            c ->
                c.get("method").asText()
                    + " "
                    + c.get("path").asText().replaceAll("/\\d{3,}", "/N"))
        .containsExactlyElementsOf(
            api == Api.V1
                ? List.of(
                    "POST /v1/candidates/N/applications",
                    "POST /v1/candidates/N/activity_feed/notes",
                    "POST /v1/candidates/N/attachments")
                : List.of("POST /v3/applications", "POST /v3/notes", "POST /v3/attachments"));
    Application app = gh.harvest.applications().get(push.get("application_id").asLong());
    assertThat(app.prospect()).isTrue();
    assertThat(app.prospectDetail().prospectPool().id()).isEqualTo(pool.id());
    assertThat(app.prospectDetail().prospectOwner().id()).isEqualTo(gh.actingGreenhouseId);
    assertThat(gh.harvest.candidates().get(existing.id()).attachments())
        .extracting(a -> a.filename())
        .contains("known.txt");
  }
}
