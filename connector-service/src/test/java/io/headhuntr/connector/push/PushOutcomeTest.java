package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.events.EventLog;
import io.headhuntr.connector.mirror.MirrorStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After the push, over Harvest v1 and v3: the outcome follows the mirror (stage, hire, merge), a
 * refused credential pauses the tenant until resumed, a person Greenhouse is still creating is
 * waited for, and a rate-limited write waits as long as Greenhouse asks.
 */
class PushOutcomeTest {

  @ParameterizedTest
  @EnumSource(Api.class)
  void the_outcome_follows_the_mirror_and_survives_a_merge(Api api) {
    try (PushFixture gh = PushFixture.start(api)) {
      String email = "outcome-" + UUID.randomUUID() + "@example.org";
      String id =
          gh.push(
              "o-" + email,
              PushFixture.candidateBody("Out", "Come", email, gh.openJobs.get(0).id()));
      gh.drain();
      JsonNode push = gh.pushView(id);
      long candidate = push.get("candidate_id").asLong();
      long application = push.get("application_id").asLong();
      assertThat(push.get("outcome").get("state").asText()).isEqualTo("unknown");

      // what webhooks or the sync put into the mirror
      gh.database
          .jdbi()
          .useHandle(
              h -> {
                h.execute(
                    "insert into mirror_candidate (tenant_id, candidate_id, first_name) values (?, ?, 'Out')",
                    gh.tenant,
                    candidate);
                h.execute(
                    "insert into mirror_application (tenant_id, application_id, candidate_id, status,"
                        + " current_stage_id, current_stage_name) values (?, ?, ?, 'active', 77, 'Phone Screen')",
                    gh.tenant,
                    application,
                    candidate);
              });
      JsonNode active = gh.pushView(id).get("outcome");
      assertThat(active.get("state").asText()).isEqualTo("active");
      assertThat(active.get("stage").get("name").asText()).isEqualTo("Phone Screen");
      assertThat(active.has("merged_into_candidate_id")).isFalse();

      long survivor = candidate + 1_000_000;
      MirrorStore mirror = new MirrorStore();
      gh.database
          .jdbi()
          .useTransaction(
              h -> mirror.candidates().merge(h, gh.tenant, candidate, survivor, Instant.now()));
      JsonNode merged = gh.pushView(id);
      assertThat(merged.get("candidate_id").asLong()).isEqualTo(survivor);
      assertThat(merged.get("outcome").get("state").asText()).isEqualTo("active");
      assertThat(merged.get("outcome").get("stage").get("name").asText()).isEqualTo("Phone Screen");
      assertThat(merged.get("outcome").get("merged_into_candidate_id").asLong())
          .isEqualTo(survivor);

      gh.database
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "update mirror_application set status = 'hired' where tenant_id = ? and application_id = ?",
                      gh.tenant,
                      application));
      assertThat(gh.pushView(id).get("outcome").get("state").asText()).isEqualTo("hired");

      // the feed has the push itself, under the id the person has now
      var events = gh.database.jdbi().withHandle(h -> new EventLog().after(h, gh.tenant, 0, 100));
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.type()).isEqualTo("person_pushed");
                assertThat(e.candidateId()).isEqualTo(survivor);
                assertThat(e.data().get("push_id").asText()).isEqualTo(id);
              });
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_refused_credential_pauses_the_tenant_until_resumed(Api api) {
    try (PushFixture gh = PushFixture.start(api)) {
      String client = gh.sandbox.demoCustomClient().clientId();
      if (api == Api.V1) {
        gh.sandboxAdmin("DELETE", "/sandbox/keys/" + gh.apiKey, null);
      } else {
        gh.sandboxAdmin("DELETE", "/sandbox/oauth/clients/" + client, null);
      }
      long job = gh.openJobs.get(0).id();
      String first =
          gh.push(
              "p1-" + UUID.randomUUID(),
              PushFixture.candidateBody(
                  "P", "One", "p1-" + UUID.randomUUID() + "@example.org", job));
      gh.drain();
      JsonNode paused = gh.pushView(first);
      assertThat(paused.get("status").asText()).isEqualTo("needs_attention");
      assertThat(paused.get("error").asText()).contains("401");
      String second =
          gh.push(
              "p2-" + UUID.randomUUID(),
              PushFixture.candidateBody(
                  "P", "Two", "p2-" + UUID.randomUUID() + "@example.org", job));
      assertThat(gh.drain()).isZero();
      assertThat(gh.pushView(second).get("status").asText()).isEqualTo("queued");
      JsonNode settings = gh.get(gh.pushes().replace("/pushes", "/push-settings")).json();
      assertThat(settings.get("paused").asBoolean()).isTrue();
      assertThat(settings.get("pause_reason").asText()).contains("401");

      if (api == Api.V1) {
        gh.sandboxAdmin(
            "POST", "/sandbox/keys", "{\"key\":\"" + gh.apiKey + "\",\"permissions\":[\"*\"]}");
      } else {
        // the customer makes the credential again in Dev Center, with every scope
        gh.sandboxAdmin(
            "POST",
            "/sandbox/oauth/clients",
            PushFixture.JSON
                .createObjectNode()
                .put("client_id", client)
                .put("client_secret", gh.sandbox.demoCustomClient().secret().value())
                .put("kind", "custom")
                .set("scopes", PushFixture.JSON.valueToTree(io.headhuntr.sandbox.oauth.Scopes.ALL))
                .toString());
      }
      PushFixture.Answer resumed = gh.post(gh.pushes() + "/resume", Map.of(), "");
      assertThat(resumed.json().get("requeued").asInt()).isEqualTo(1);
      gh.drain();
      assertThat(gh.pushView(first).get("status").asText()).isEqualTo("done");
      assertThat(gh.pushView(second).get("status").asText()).isEqualTo("done");
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_person_greenhouse_is_still_creating_is_waited_for(Api api) {
    try (PushFixture gh =
        PushFixture.start(api, b -> b.asyncCreate(true).timeScale(60), PushFixture.fastConfig())) {
      String email = "async-" + UUID.randomUUID() + "@example.org";
      String id =
          gh.push(
              "a-" + email,
              PushFixture.candidateBody("Async", "Person", email, gh.openJobs.get(0).id()));
      gh.worker.runOnce();
      JsonNode waiting = gh.pushView(id);
      if (api == Api.V1) {
        // v1 answers a create Greenhouse is still making with ids only: the push waits for it
        assertThat(waiting.get("status").asText()).isEqualTo("running");
        assertThat(waiting.get("step").asText()).isEqualTo("await_visible");
        assertThat(waiting.get("candidate_id").isNull()).isFalse();
      } else {
        // v3 answers with the whole candidate and application: nothing is left to wait for
        assertThat(waiting.get("status").asText()).isEqualTo("done");
        assertThat(waiting.get("step").isNull()).isTrue();
      }

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                gh.drain();
                return gh.pushView(id).get("status").asText().equals("done");
              });
      JsonNode done = gh.pushView(id);
      if (api == Api.V1) {
        assertThat(done.get("calls").toString()).contains("\"status\":404");
      }
      long candidate = done.get("candidate_id").asLong();
      await() // Greenhouse shows the person once it has made them
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(gh.harvest.candidates().get(candidate).applications())
                      .extracting(a -> a.id())
                      .contains(done.get("application_id").asLong()));
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_rate_limited_write_waits_for_the_time_greenhouse_asks(Api api) {
    try (PushFixture gh = PushFixture.start(api)) {
      gh.faults(
          "{\"rules\":[{\"path\":\""
              + api.path("/candidates")
              + "\",\"method\":\"POST\",\"rate_limit_storm\":true}]}");
      String email = "storm-" + UUID.randomUUID() + "@example.org";
      String id =
          gh.push(
              "s-" + email,
              PushFixture.candidateBody("Rate", "Limited", email, gh.openJobs.get(0).id()));
      assertThat(gh.worker.runOnce()).isEqualTo(1);
      JsonNode waiting = gh.pushView(id);
      assertThat(waiting.get("status").asText()).isEqualTo("running");
      assertThat(waiting.get("step").asText()).isEqualTo("retry_wait");
      assertThat(waiting.get("error").asText()).contains("rate limit").contains("10 s");
      assertThat(gh.worker.runOnce()).isZero(); // not due again before Retry-After
      assertThat(
              gh.harvest
                  .candidates()
                  .list(io.headhuntr.harvest.CandidateFilter.builder().email(email).build()))
          .isEmpty();
    }
  }
}
