package io.headhuntr.connector.webhooks.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.webhooks.inbox.Deliveries;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.v3.Application;
import io.headhuntr.harvest.v3.ApplicationPartQuery;
import io.headhuntr.harvest.v3.ApplicationStage;
import io.headhuntr.harvest.v3.CandidatePatch;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.CommonQuery;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.Move;
import io.headhuntr.harvest.v3.Rejection;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.webhooks.WebhookEvent;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recruiter actions in the sandbox reach the mirror: the sandbox's signed deliveries go to a small
 * receiver that stores them in the inbox, the worker applies them, and the mirror then says what
 * Harvest says. Run for both versions: the actions are made, and the truth read, over Harvest v1 or
 * v3 (whose writes fire the same webhooks, in v1's shapes); an action v3 has no route for (merge,
 * delete a candidate) is made over v1, as a recruiter makes it in Greenhouse itself.
 */
class SandboxRoundTripTest {
  private static final String KEY = "round-trip-key";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Applying run = new Applying();
  private GreenhouseSandbox sandbox;
  private Javalin receiver;
  private long actingUser;

  @BeforeEach
  void start() throws Exception {
    sandbox = GreenhouseSandbox.builder().apiKey(KEY).candidates(600).v3RateLimit(0).start();
    receiver =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.routes.post(
                      "/hook",
                      ctx -> {
                        run.inbox.accept(
                            run.tenant,
                            Optional.ofNullable(ctx.header("Greenhouse-Event-ID")),
                            ctx.bodyAsBytes(),
                            run.clock.instant());
                        ctx.status(200);
                      });
                })
            .start(0);
    for (WebhookEvent event : WebhookEvent.values()) {
      String body =
          MirrorJson.MAPPER
              .createObjectNode()
              .put("name", event.label())
              .put("when", event.label())
              .put("endpoint_url", "http://127.0.0.1:" + receiver.port() + "/hook")
              .put("secret_key", "s3cret")
              .put("error_recipient_email", "ops@acme.example")
              .toString();
      HttpResponse<String> created = send("POST", "/sandbox/webhooks", body, false);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    actingUser = harvest("GET", "/v1/users?per_page=1", null).get(0).get("id").asLong();
    // every saved webhook pings first (WEBHOOKS.md section 4); let the pings land before acting
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> inboxCount("ping") == WebhookEvent.values().length);
  }

  private int inboxCount(String action) {
    return run.read(
        h ->
            h.createQuery("select count(*) from webhook_inbox where tenant_id = :t and action = :a")
                .bind("t", run.tenant)
                .bind("a", action)
                .mapTo(Integer.class)
                .one());
  }

  @AfterEach
  void stop() {
    receiver.stop();
    sandbox.close();
    Deliveries.clearUnfinished(run.tenant);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_move_then_a_reject_show_up_as_harvest_reports_them(Api api) throws Exception {
    JsonNode app = activeApplication();
    long id = app.get("id").asLong();
    long jobId = app.get("jobs").get(0).get("id").asLong();
    long from = app.get("current_stage").get("id").asLong();
    long to = 0;
    for (JsonNode stage : harvest("GET", "/v1/jobs/" + jobId + "/stages", null)) {
      if (stage.get("id").asLong() != from) {
        to = stage.get("id").asLong();
      }
    }
    if (api == Api.V1) {
      harvest(
          "POST",
          "/v1/applications/" + id + "/move",
          "{\"from_stage_id\":" + from + ",\"to_stage_id\":" + to + "}");
    } else {
      v3().actingAs(GreenhouseUserId.of(actingUser))
          .applications()
          .move(id, Move.between(from, to));
    }
    // both happen within one second, and webhook times are whole seconds: a tie the mirror breaks
    // by processing order, so the test lets the move arrive before the reject is made
    applyWhenArrived("candidate_stage_change");
    if (api == Api.V1) {
      harvest("POST", "/v1/applications/" + id + "/reject", "{}");
    } else {
      HarvestV3Client v3 = v3();
      long reason;
      try (var reasons = v3.rejectionReasons().list(CommonQuery.all())) {
        reason = reasons.findFirst().orElseThrow().id();
      }
      v3.actingAs(GreenhouseUserId.of(actingUser))
          .applications()
          .reject(id, Rejection.forReason(reason));
    }
    applyWhenArrived("reject_candidate");

    Truth truth = api == Api.V1 ? truthV1(id) : truthV3(id);
    ApplicationRow mirrored =
        run.read(h -> run.mirror.applications().find(h, run.tenant, id)).orElseThrow();
    assertThat(mirrored.status()).isEqualTo("rejected");
    assertThat(truth.status()).isEqualTo("rejected");
    assertThat(mirrored.currentStageId()).isEqualTo(truth.currentStageId());
    assertThat(mirrored.currentStageId()).isEqualTo(to);
    // webhook times come in whole seconds, Harvest's with milliseconds
    assertThat(mirrored.rejectedAt()).isEqualTo(truth.rejectedAt().truncatedTo(ChronoUnit.SECONDS));
    assertThat(mirrored.candidateId()).isEqualTo(truth.candidateId());
    assertThat(run.eventTypes()).contains("stage_changed", "rejected");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_merge_and_a_delete_reach_the_mirror(Api api) throws Exception {
    JsonNode people = harvest("GET", "/v1/candidates?per_page=3", null);
    long primary = people.get(0).get("id").asLong();
    long duplicate = people.get(1).get("id").asLong();
    long deleted = people.get(2).get("id").asLong();
    // make the mirror know the people first
    for (long id : new long[] {primary, duplicate, deleted}) {
      if (api == Api.V1) {
        harvest("PATCH", "/v1/candidates/" + id, "{\"title\":\"Seen by the mirror\"}");
      } else {
        v3().actingAs(GreenhouseUserId.of(actingUser))
            .candidates()
            .update(id, CandidatePatch.builder().title("Seen by the mirror").build());
      }
    }
    applyWhenArrived("update_candidate");

    harvest(
        "PUT",
        "/v1/candidates/merge",
        "{\"primary_candidate_id\":" + primary + ",\"duplicate_candidate_id\":" + duplicate + "}");
    harvest("DELETE", "/v1/candidates/" + deleted, null);
    applyWhenArrived("merge_candidate", "delete_candidate");

    CandidateRow loser =
        run.read(h -> run.mirror.candidates().find(h, run.tenant, duplicate)).orElseThrow();
    assertThat(loser.mergedIntoId()).isEqualTo(primary);
    CandidateRow gone =
        run.read(h -> run.mirror.candidates().find(h, run.tenant, deleted)).orElseThrow();
    assertThat(gone.deletedAt()).isNotNull();
    assertThat(gone.firstName()).isNull();
    CandidateRow kept =
        run.read(h -> run.mirror.candidates().find(h, run.tenant, primary)).orElseThrow();
    assertThat(kept.title()).isEqualTo("Seen by the mirror");
    assertThat(run.eventTypes()).contains("merged", "deleted");
  }

  /** Greenhouse's own bulk action (no Harvest call of either version makes it): run once. */
  @Test
  void a_bulk_reject_of_500_applications_arrives_complete_and_is_applied_once_each()
      throws Exception {
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (int page = 1; ids.size() < 500 && page <= 5; page++) {
      for (JsonNode app :
          harvest("GET", "/v1/applications?per_page=500&status=active&page=" + page, null)) {
        if (ids.size() < 500) {
          ids.add(app.get("id").asLong());
        }
      }
    }
    assertThat(ids).hasSize(500);
    io.headhuntr.connector.webhooks.inbox.InboxWorker workers = run.newWorker();
    workers.start(4);
    try {
      HttpResponse<String> answer =
          send("POST", "/sandbox/bulk/reject", "{\"application_ids\":" + ids + "}", false);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> run.eventTypes().stream().filter("rejected"::equals).count() == 500);
    } finally {
      workers.close();
    }

    for (long id : ids.subList(0, 20)) {
      ApplicationRow app =
          run.read(h -> run.mirror.applications().find(h, run.tenant, id)).orElseThrow();
      assertThat(app.status()).isEqualTo("rejected");
    }
    int rejectedRows =
        run.read(
            h ->
                h.createQuery(
                        "select count(distinct application_id) from events where tenant_id = :t"
                            + " and type = 'rejected'")
                    .bind("t", run.tenant)
                    .mapTo(Integer.class)
                    .one());
    assertThat(rejectedRows).isEqualTo(500);
    assertThat(Deliveries.count(run.tenant, "parked")).isZero();
  }

  /** What Harvest says of an application after the actions. */
  private record Truth(String status, long currentStageId, Instant rejectedAt, long candidateId) {}

  private Truth truthV1(long id) throws Exception {
    JsonNode truth = harvest("GET", "/v1/applications/" + id, null);
    return new Truth(
        truth.get("status").asText(),
        truth.get("current_stage").get("id").asLong(),
        Instant.parse(truth.get("rejected_at").asText()),
        truth.get("candidate_id").asLong());
  }

  /** v3 keeps the current stage apart: the application's stage row not yet exited. */
  private Truth truthV3(long id) {
    HarvestV3Client v3 = v3();
    Application a = v3.applications().get(id).orElseThrow();
    List<ApplicationStage> stages;
    try (var rows =
        v3.applicationStages().list(ApplicationPartQuery.all().applicationIds(List.of(id)))) {
      stages = rows.toList();
    }
    ApplicationStage current =
        stages.stream().filter(ApplicationStage::isCurrent).findFirst().orElseThrow();
    return new Truth(a.status(), current.jobInterviewStageId(), a.rejectedAt(), a.candidateId());
  }

  /** The sandbox over v3 with its demo custom client (reads as its service user). */
  private HarvestV3Client v3() {
    var client = sandbox.demoCustomClient();
    return HarvestV3Client.builder()
        .tokenSource(
            TokenSource.clientCredentials(
                client.clientId(), ClientSecret.of(client.secret().value())))
        .harvestUrl(sandbox.baseUrl())
        .authUrl(sandbox.baseUrl())
        .build();
  }

  private JsonNode activeApplication() throws Exception {
    for (JsonNode app : harvest("GET", "/v1/applications?per_page=100&status=active", null)) {
      if (!app.path("prospect").asBoolean()
          && app.path("jobs").size() == 1
          && app.hasNonNull("current_stage")) {
        return app;
      }
    }
    throw new AssertionError("the sandbox seed has no active application on a job");
  }

  /** Waits until the inbox holds a delivery of each action, then applies everything. */
  private void applyWhenArrived(String... actions) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (String action : actions) {
                if (inboxCount(action) == 0) {
                  return false;
                }
              }
              return true;
            });
    run.drain();
    assertThat(Deliveries.count(run.tenant, "parked")).isZero();
  }

  private JsonNode harvest(String method, String path, String body) throws Exception {
    HttpResponse<String> answer = send(method, path, body, true);
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(300);
    return answer.body().isEmpty()
        ? MirrorJson.MAPPER.nullNode()
        : MirrorJson.MAPPER.readTree(answer.body());
  }

  private HttpResponse<String> send(String method, String path, String body, boolean authorized)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorized) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)));
      if (actingUser != 0) {
        request.header("On-Behalf-Of", Long.toString(actingUser));
      }
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
