package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SyncApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void status_and_start_over_http_and_the_cli_prints_the_status() throws Exception {
    try (SyncFixture f = new SyncFixture(700);
        SyncService sync = f.service()) {
      SyncApi api = new SyncApi(sync);
      String path = "/api/v1/tenants/{tenant_id}/sync";
      Javalin server =
          Javalin.create(
                  cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.get(path, api::status);
                    cfg.routes.post(path, api::start);
                  })
              .start(0);
      try {
        String url = "http://localhost:" + server.port() + "/api/v1/tenants/" + f.tenant + "/sync";
        HttpResponse<String> pending = send("GET", url);
        assertThat(pending.statusCode()).isEqualTo(200);
        JsonNode before = JSON.readTree(pending.body());
        assertThat(before.path("state").asText()).isEqualTo("pending");
        assertThat(before.path("resources")).hasSize(SyncResource.values().length);
        assertThat(before.path("resources").get(0).has("records_seen")).isTrue();

        HttpResponse<String> started = send("POST", url);
        assertThat(started.statusCode()).isEqualTo(202);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> "done".equals(JSON.readTree(send("GET", url).body()).path("state").asText()));
        JsonNode done = JSON.readTree(send("GET", url).body());
        JsonNode candidates = done.path("resources").get(SyncResource.CANDIDATES.ordinal());
        assertThat(candidates.path("resource").asText()).isEqualTo("candidates");
        assertThat(candidates.path("records_seen").asLong()).isEqualTo(700);
        assertThat(candidates.path("pages").asInt()).isEqualTo(2);
        assertThat(candidates.path("last_checkpoint").isTextual()).isTrue();
        assertThat(done.path("estimated_seconds_left").asLong()).isZero();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyncStatusCommand.print(done, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
            .contains("tenant " + f.tenant + ": done")
            .contains("backfilled at")
            .containsPattern("candidates\\s+done\\s+backfill\\s+700 records\\s+2 pages");

        int exit =
            new CommandLine(new SyncCommand())
                .execute(
                    "status",
                    "--tenant",
                    f.tenant.toString(),
                    "--url",
                    "http://localhost:" + server.port());
        assertThat(exit).isZero();
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void the_cli_draws_a_progress_bar_while_the_backfill_runs() throws Exception {
    JsonNode running =
        JSON.readTree(
            "{\"tenant_id\":\"t1\",\"state\":\"running\",\"seconds_per_request\":0.21,"
                + "\"resources\":["
                + "{\"resource\":\"users\",\"state\":\"done\",\"mode\":\"backfill\",\"records_seen\":12,\"pages\":1},"
                + "{\"resource\":\"candidates\",\"state\":\"running\",\"mode\":\"backfill\",\"records_seen\":1500,\"pages\":3,\"last_page\":5},"
                + "{\"resource\":\"applications\",\"state\":\"pending\",\"mode\":\"backfill\",\"records_seen\":0,\"pages\":0}]}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SyncStatusCommand.print(running, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("backfill [######--------------] 1/3 resources")
        .contains("[############--------] of 5")
        .contains("time left: unknown");
  }

  @Test
  void the_cli_prints_the_schedule_in_effect_and_the_next_pass() throws Exception {
    JsonNode status =
        JSON.readTree(
            "{\"tenant_id\":\"t1\",\"state\":\"done\",\"backfilled_at\":\"2026-01-01T00:00:00Z\","
                + "\"interval_minutes\":5,\"full_interval_hours\":48,"
                + "\"next_pass_at\":\"2026-01-01T00:05:00Z\",\"resources\":[]}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SyncStatusCommand.print(status, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "a pass every 5 min, a full reconciliation every 48 h;"
                + " next pass at 2026-01-01T00:05:00Z");
  }

  @Test
  void post_with_full_true_runs_a_full_reconciliation_that_reports_the_deletions()
      throws Exception {
    try (SyncFixture f = new SyncFixture(700);
        SyncService sync = f.service()) {
      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      long recruiter =
          f.client
              .users()
              .list(io.headhuntr.harvest.UserFilter.all())
              .findFirst()
              .orElseThrow()
              .id();
      long gone =
          f.client
              .candidates()
              .list(io.headhuntr.harvest.CandidateFilter.all())
              .skip(10)
              .findFirst()
              .orElseThrow()
              .id();
      f.call("DELETE", "/v1/candidates/" + gone, null, recruiter);
      SyncApi api = new SyncApi(sync);
      String path = "/api/v1/tenants/{tenant_id}/sync";
      Javalin server =
          Javalin.create(
                  cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.get(path, api::status);
                    cfg.routes.post(path, api::start);
                  })
              .start(0);
      try {
        String url = "http://localhost:" + server.port() + "/api/v1/tenants/" + f.tenant + "/sync";
        assertThat(send("POST", url + "?full=true").statusCode()).isEqualTo(202);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> JSON.readTree(send("GET", url).body()).hasNonNull("last_full_pass_deleted"));
        JsonNode done = JSON.readTree(send("GET", url).body());
        assertThat(done.path("last_full_pass_deleted").asInt()).isEqualTo(1 + deletedApps(f, gone));
        assertThat(done.path("full_pass_started_at").isNull()).isTrue();
        assertThat(
                done.path("resources").get(SyncResource.CANDIDATES.ordinal()).path("mode").asText())
            .isEqualTo("full");
        assertThat(f.count("mirror_candidate")).isEqualTo(699);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyncStatusCommand.print(done, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
            .containsPattern(
                "last full reconciliation \\S+ \\("
                    + done.path("last_full_pass_deleted").asInt()
                    + " deleted in Greenhouse\\), next after");
      } finally {
        server.stop();
      }
    }
  }

  private static int deletedApps(SyncFixture f, long candidate) {
    return f.database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from mirror_application where tenant_id = :t"
                            + " and candidate_id = :c and deleted_at is not null")
                    .bind("t", f.tenant)
                    .bind("c", candidate)
                    .mapTo(Integer.class)
                    .one());
  }

  private HttpResponse<String> send(String method, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
