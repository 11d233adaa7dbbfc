package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One tenant cannot hurt another through the push worker: a push whose tenant's Greenhouse client
 * cannot be built from the saved credential fails at once with the reason, and the other tenants'
 * pushes claimed with it run in the same round; a tenant whose Greenhouse answers slowly holds at
 * most half the worker threads, so the others' pushes go through meanwhile.
 */
class PushFairnessTest {

  @Test
  void a_tenant_whose_client_cannot_be_built_fails_its_push_and_frees_the_others() {
    try (PushFixture gh = PushFixture.start(Api.V1, b -> b, PushFixture.fastConfig())) {
      UUID broken = UUID.randomUUID();
      gh.database
          .jdbi()
          .useHandle(
              h -> {
                h.execute(
                    "insert into tenants (tenant_id, name, error_recipient_email, state) values"
                        + " (?, 'Broken Key Co', 'a@b.example', 'active')",
                    broken);
                h.execute(
                    "insert into platform_users (tenant_id, user_id, email, email_key, name)"
                        + " values (?, ?, 'r@b.example', 'r@b.example', 'R')",
                    broken,
                    PushFixture.ACTING_USER);
                h.execute(
                    "insert into user_mappings (tenant_id, platform_user_id, greenhouse_user_id,"
                        + " status) values (?, ?, 1, 'verified')",
                    broken,
                    PushFixture.ACTING_USER);
              });
      String run = UUID.randomUUID().toString().substring(0, 8);
      JsonNode brokenPush =
          gh.post(
                  "/api/v1/tenants/" + broken + "/pushes",
                  Map.of("Idempotency-Key", "broken-" + run),
                  PushFixture.candidateBody("Broken", "Key", "broken-" + run + "@example.org", 1))
              .json();
      String okPush =
          gh.push(
              "ok-" + run,
              PushFixture.candidateBody(
                  "Fine", "Tenant", "fine-" + run + "@example.org", gh.openJobs.get(0).id()));
      GreenhouseConnections connections =
          id -> {
            if (id.equals(broken)) {
              throw new IllegalStateException("the stored credential cannot be decrypted");
            }
            return id.equals(gh.tenant) ? Optional.of(gh.greenhouse) : Optional.empty();
          };
      PushWorker worker =
          new PushWorker(
              gh.database,
              connections,
              PushFixture.fastConfig(),
              Clock.systemUTC(),
              Optional.of(Set.of(broken, gh.tenant)));

      for (int i = 0; i < 20 && worker.runOnce() > 0; i++) {
        // one round claims both; later rounds finish the good one
      }

      JsonNode failed =
          gh.get("/api/v1/tenants/" + broken + "/pushes/" + brokenPush.get("id").asText()).json();
      assertThat(failed.get("status").asText()).isEqualTo("failed");
      assertThat(failed.get("error").asText())
          .contains("cannot be decrypted")
          .contains("save the Greenhouse credential again");
      assertThat(gh.pushView(okPush).get("status").asText()).isEqualTo("done");
    }
  }

  @Test
  void a_tenant_whose_greenhouse_is_slow_never_holds_every_push_thread() {
    // the claims the service uses for 2 push threads: one push per claim, one thread per tenant
    PushConfig config = PushFixture.fastConfig().forThreads(2);
    try (PushFixture slow = PushFixture.start(Api.V1, b -> b, config);
        PushFixture quick = PushFixture.start(Api.V1, b -> b, config)) {
      // every call to the slow tenant's Greenhouse takes 1.5 s (within the 5 s request timeout)
      slow.faults("{\"rules\":[{\"path\":\"/v1/\",\"latency_ms\":1500}]}");
      String run = UUID.randomUUID().toString().substring(0, 8);
      List<String> slowPushes = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        slowPushes.add(
            slow.push(
                "slow-" + run + "-" + i,
                PushFixture.candidateBody(
                    "Slow",
                    "Person" + i,
                    "slow-" + run + "-" + i + "@example.org",
                    slow.openJobs.get(0).id())));
      }
      List<String> quickPushes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        quickPushes.add(
            quick.push(
                "quick-" + run + "-" + i,
                PushFixture.candidateBody(
                    "Quick",
                    "Person" + i,
                    "quick-" + run + "-" + i + "@example.org",
                    quick.openJobs.get(0).id())));
      }
      GreenhouseConnections connections =
          id ->
              id.equals(slow.tenant)
                  ? Optional.of(slow.greenhouse)
                  : id.equals(quick.tenant) ? Optional.of(quick.greenhouse) : Optional.empty();
      PushWorker worker =
          new PushWorker(
              slow.database,
              connections,
              config,
              Clock.systemUTC(),
              Optional.of(Set.of(slow.tenant, quick.tenant)));
      worker.start(2);
      try {
        // the slow tenant's six pushes need at least 6 x 2 calls x 1.5 s; the others do not wait
        await()
            .atMost(Duration.ofSeconds(6))
            .until(() -> done(quick, quickPushes) == quickPushes.size());
        assertThat(done(slow, slowPushes))
            .as("the slow tenant's pushes are still going on one thread")
            .isLessThan(slowPushes.size());
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> done(slow, slowPushes) == slowPushes.size());
      } finally {
        worker.close();
      }
    }
  }

  private static long done(PushFixture f, List<String> ids) {
    return ids.stream().filter(id -> f.pushView(id).get("status").asText().equals("done")).count();
  }
}
