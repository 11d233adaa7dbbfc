package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.Api;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.ContactDetail;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing lost, nobody twice, over Harvest v1 and v3: faults, unanswered writes, crashed workers
 * and restarts. Greenhouse's side is read back over v1 in both runs.
 */
class PushReliabilityTest {

  /**
   * 500 pushes over v1; 100 over v3, whose person writes (the email look-up and the create of a
   * candidate with its application) meet the same faults: the v1 run covers the scale.
   */
  @ParameterizedTest
  @EnumSource(Api.class)
  void five_hundred_pushes_through_5xx_and_timeouts_after_apply_make_exactly_five_hundred_people(
      Api api) {
    int pushes = api == Api.V1 ? 500 : 100;
    try (PushFixture gh =
        new PushFixture(
            api,
            // v3 tokens live an hour / time scale: at the fixture's 1000 that is 3.6 s, and on a
            // loaded machine a token may be spent before it is used, so every call asks for a new
            // one and the token endpoint's 60-a-minute budget paces the whole run. One minute.
            b -> b.timeScale(60),
            PushFixture.fastConfig().withClaims(4, 64),
            Duration.ofMillis(1500),
            false)) {
      String run = UUID.randomUUID().toString().substring(0, 8);
      long job = gh.openJobs.get(0).id();
      ObjectNode batch = PushFixture.JSON.createObjectNode();
      ArrayNode items = batch.putArray("items");
      for (int i = 0; i < pushes; i++) {
        items.add(
            PushFixture.candidateBody(
                    "Person" + i, "Run" + run, "f" + i + "-" + run + "@example.org", job)
                .put("idempotency_key", run + "-" + i));
      }
      gh.faults(
          "{\"rules\":[{\"path\":\""
              + api.path("/candidates")
              + "\",\"error_rate\":0.2,"
              + "\"timeout_after_apply_rate\":0.05}]}");
      JsonNode accepted = gh.post(gh.pushes() + "/batch", Map.of(), batch).json();
      assertThat(accepted.get("accepted").asInt()).isEqualTo(pushes);
      String batchId = accepted.get("batch_id").asText();

      gh.worker.start(16);
      try {
        await()
            .atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    gh.get(gh.pushes() + "/batches/" + batchId).json().get("complete").asBoolean());
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        // say what the unfinished pushes are doing: a timeout alone does not tell
        JsonNode stuck =
            gh.get(gh.pushes() + "?batch_id=" + batchId + "&limit=1000").json().get("pushes");
        Map<String, Integer> byState = new HashMap<>();
        String example = null;
        for (JsonNode p : stuck) {
          String state = p.get("status").asText() + "/" + p.path("step").asText();
          byState.merge(state, 1, Integer::sum);
          if (example == null && !p.get("status").asText().equals("done")) {
            example = p.toString();
          }
        }
        throw new AssertionError("unfinished after 4 min: " + byState + "; e.g. " + example, e);
      }
      gh.faults("{\"rules\":[]}");

      JsonNode progress = gh.get(gh.pushes() + "/batches/" + batchId).json().get("progress");
      assertThat(progress.get("done").asInt()).isEqualTo(pushes);
      Map<String, Integer> people = new HashMap<>();
      try (var all = gh.harvest.candidates().list(CandidateFilter.all())) {
        all.flatMap(c -> c.emailAddresses().stream())
            .map(ContactDetail::value)
            .filter(e -> e.endsWith("-" + run + "@example.org"))
            .forEach(e -> people.merge(e, 1, Integer::sum));
      }
      assertThat(people).hasSize(pushes);
      assertThat(people.values()).containsOnly(1);
      // the faults really happened: some pushes needed more than one attempt
      JsonNode listed =
          gh.get(gh.pushes() + "?batch_id=" + batchId + "&limit=1000").json().get("pushes");
      long retried = 0;
      long createdAgain = 0;
      for (JsonNode p : listed) {
        if (p.get("attempts").asInt() > 1) {
          retried++;
          createdAgain +=
              assertLooksUpBeforeCreatingAgain(api, gh.pushView(p.get("id").asText())) > 1 ? 1 : 0;
        }
      }
      assertThat(retried).isGreaterThan(pushes / 50);
      assertThat(createdAgain)
          .as("creates answered 500 (not applied) were sent again")
          .isPositive();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_push_whose_worker_died_after_its_write_applied_is_finished_by_another_without_a_duplicate(
      Api api) {
    PushConfig quickTakeover =
        PushConfig.defaults()
            .withTimes(
                Duration.ofMillis(20),
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                Duration.ofMillis(20));
    try (PushFixture gh = PushFixture.start(api, b -> b, quickTakeover)) {
      long job = gh.openJobs.get(0).id();
      String email = "crash-" + UUID.randomUUID() + "@example.org";
      String key = "crash-" + email;
      ObjectNode body = PushFixture.candidateBody("Crash", "Test", email, job);
      String id = gh.push(key, body);

      // a worker claims it, notes the write, Greenhouse applies it, and the process dies
      PushStore store = new PushStore(gh.database.jdbi());
      List<PushRow> claimed =
          store.claim("doomed", 1, 16, Duration.ofMinutes(5), Optional.of(Set.of(gh.tenant)));
      assertThat(claimed).hasSize(1);
      assertThat(store.markWriteSent(claimed.get(0))).isTrue();
      Candidate applied = gh.createInGreenhouse("Crash", "Test", email, job);

      // a restarted connector: new API and worker over the same database
      PushApi restartedApi = new PushApi(gh.database, gh.config, t -> List.of());
      assertThat(restartedApi).isNotNull();
      assertThat(
              gh.post(gh.pushes(), Map.of("Idempotency-Key", key), body).json().get("id").asText())
          .isEqualTo(id);
      PushWorker restarted =
          new PushWorker(
              gh.database,
              t -> Optional.of(api.greenhouse(gh.sandbox, gh.apiKey)),
              gh.config,
              Clock.systemUTC(),
              Optional.of(Set.of(gh.tenant)));
      assertThat(restarted.runOnce()).isZero(); // the dead claim is not stale yet
      await().atMost(Duration.ofSeconds(10)).until(() -> restarted.runOnce() > 0);

      JsonNode push = gh.pushView(id);
      assertThat(push.get("status").asText()).isEqualTo("done");
      assertThat(push.get("result").asText()).isEqualTo("created");
      assertThat(push.get("candidate_id").asLong()).isEqualTo(applied.id());
      assertThat(
              gh.harvest.candidates().list(CandidateFilter.builder().email(email).build()).count())
          .isEqualTo(1);
      assertThat(push.get("calls").toString()).doesNotContain("\"POST\"");
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void attachment_bytes_arrive_unchanged_and_every_write_is_on_behalf_of_the_mapped_user(Api api) {
    try (PushFixture gh =
        new PushFixture(api, b -> b, PushFixture.fastConfig(), Duration.ofSeconds(5), true)) {
      byte[] resume = new byte[70_000];
      new java.util.Random(7).nextBytes(resume);
      byte[] letter =
          "Dear hiring team,\nplease meet Ada.".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String email = "bytes-" + UUID.randomUUID() + "@example.org";
      ObjectNode body = PushFixture.candidateBody("Bytes", "Match", email, gh.openJobs.get(0).id());
      ArrayNode files = body.putArray("attachments");
      files
          .addObject()
          .put("type", "resume")
          .put("filename", "cv.pdf")
          .put("content_type", "application/pdf")
          .put("content", java.util.Base64.getEncoder().encodeToString(resume));
      files
          .addObject()
          .put("type", "cover_letter")
          .put("filename", "letter.txt")
          .put("content_type", "text/plain")
          .put("content", java.util.Base64.getEncoder().encodeToString(letter));
      ((ObjectNode) body.get("person")).putArray("notes").addObject().put("body", "hello");
      String id = gh.push("bytes-" + email, body);
      gh.drain();
      assertThat(gh.pushView(id).get("status").asText()).isEqualTo("done");

      JsonNode attachments;
      JsonNode note;
      if (api == Api.V1) {
        // one create carries the files (on its application) and the note
        JsonNode sent = readJson(sent(gh, "/v1/candidates").get(0).body());
        attachments = sent.get("applications").get(0).get("attachments");
        note = sent.get("activity_feed_notes").get(0);
      } else {
        // v3 takes each file and the note in a call of its own
        attachments = PushFixture.JSON.createArrayNode();
        for (RecordingProxy.Sent file : sent(gh, "/v3/attachments")) {
          ((ArrayNode) attachments).add(readJson(file.body()));
        }
        note = readJson(sent(gh, "/v3/notes").get(0).body());
      }
      assertThat(attachments).hasSize(2);
      assertThat(java.util.Base64.getDecoder().decode(attachments.get(0).get("content").asText()))
          .isEqualTo(resume);
      assertThat(java.util.Base64.getDecoder().decode(attachments.get(1).get("content").asText()))
          .isEqualTo(letter);
      assertThat(attachments.get(1).get("type").asText()).isEqualTo("cover_letter");
      assertThat(note.get("user_id").asLong()).isEqualTo(gh.actingGreenhouseId);
      // v1 names the acting user in On-Behalf-Of; v3 in the token's sub (client credentials)
      assertThat(gh.proxy.sent)
          .filteredOn(s -> !s.method().equals("GET"))
          .isNotEmpty()
          .allSatisfy(
              s ->
                  assertThat(api == Api.V1 ? s.onBehalfOf() : s.tokenSubject())
                      .isEqualTo(Long.toString(gh.actingGreenhouseId)));
      Candidate c = gh.harvest.candidates().get(gh.pushView(id).get("candidate_id").asLong());
      assertThat(c.attachments()).extracting(a -> a.filename()).contains("cv.pdf", "letter.txt");
    }
  }

  /**
   * Between two creates of one push there is a look-up by email: a create is never sent again
   * before Greenhouse was asked whether the first one applied. Answers how many creates it sent.
   */
  static int assertLooksUpBeforeCreatingAgain(Api api, JsonNode push) {
    int creates = 0;
    boolean lookedSince = false;
    for (JsonNode call : push.get("calls")) {
      String method = call.get("method").asText();
      String path = call.get("path").asText();
      if (method.equals("GET") && path.startsWith(api.path("/candidates?email="))) {
        lookedSince = true;
      } else if (method.equals("POST") && path.equals(api.path("/candidates"))) {
        assertThat(creates == 0 || lookedSince)
            .as("a create sent again without a look-up by email first: %s", push.get("calls"))
            .isTrue();
        creates++;
        lookedSince = false;
      }
    }
    return creates;
  }

  /** What the worker POSTed to {@code path}, in order. */
  private static List<RecordingProxy.Sent> sent(PushFixture gh, String path) {
    return gh.proxy.sent.stream()
        .filter(s -> s.method().equals("POST") && s.path().equals(path))
        .toList();
  }

  private static JsonNode readJson(byte[] bytes) {
    try {
      return PushFixture.JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void one_tenants_backlog_does_not_take_every_claim() {
    var database = io.headhuntr.connector.store.TestDatabase.shared();
    PushStore store = new PushStore(database.jdbi());
    UUID busy = io.headhuntr.connector.users.TestTenant.create(database.jdbi());
    UUID other = io.headhuntr.connector.users.TestTenant.create(database.jdbi());
    ObjectNode request = PushFixture.JSON.createObjectNode();
    request.putObject("target").put("type", "candidate");
    for (int i = 0; i < 7; i++) {
      UUID tenant = i < 6 ? busy : other;
      String key = "fair-" + i;
      database
          .jdbi()
          .useTransaction(
              h ->
                  store.insert(
                      h,
                      tenant,
                      new PushStore.NewPush(key, "h", null, "u", 1, "candidate", request)));
    }
    Optional<Set<UUID>> both = Optional.of(Set.of(busy, other));
    List<PushRow> first = store.claim("w1", 3, 3, Duration.ofMinutes(5), both);
    List<PushRow> second = store.claim("w2", 3, 3, Duration.ofMinutes(5), both);
    assertThat(first).extracting(PushRow::tenantId).containsOnly(busy).hasSize(3);
    assertThat(second).extracting(PushRow::tenantId).containsExactly(other);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void an_unanswered_create_for_a_person_without_email_needs_attention_instead_of_a_second_try(
      Api api) {
    try (PushFixture gh =
        new PushFixture(api, b -> b, PushFixture.fastConfig(), Duration.ofMillis(800), false)) {
      String last = "NoEmail" + UUID.randomUUID().toString().substring(0, 8);
      ObjectNode body =
          PushFixture.candidateBody("Quiet", last, "x@example.org", gh.openJobs.get(0).id());
      ((ObjectNode) body.get("person")).remove("email_addresses");
      gh.faults(
          "{\"rules\":[{\"path\":\""
              + api.path("/candidates")
              + "\",\"method\":\"POST\","
              + "\"timeout_after_apply_rate\":1.0}]}");
      String id = gh.push("quiet-" + last, body);
      gh.worker.runOnce(); // the create is applied, the answer never comes
      gh.faults("{\"rules\":[]}");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                gh.drain();
                return gh.pushView(id).get("status").asText().equals("needs_attention");
              });
      JsonNode push = gh.pushView(id);
      assertThat(push.get("step").asText()).isEqualTo("unverifiable");
      assertThat(push.get("error").asText()).contains("no email");
      long people;
      try (var all = gh.harvest.candidates().list(CandidateFilter.all())) {
        people = all.filter(c -> last.equals(c.lastName())).count();
      }
      assertThat(people).isEqualTo(1);
    }
  }
}
