package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.api.ProblemMapper;
import io.headhuntr.connector.api.Route;
import io.headhuntr.connector.api.SyncRoutes;
import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void activation_backfills_then_passes_repeat_on_the_interval() throws Exception {
    try (SyncFixture f = new SyncFixture(200);
        SyncService sync =
            new SyncService(
                f.database.jdbi(),
                f.mirror,
                id ->
                    id.equals(f.tenant)
                        ? Optional.of(new HarvestV1Adapter(f.client))
                        : Optional.empty(),
                SyncFixture.fastConfig().withInterval(Duration.ofMillis(700)),
                Clock.systemUTC(),
                SyncObserver.NONE);
        SyncScheduler scheduler =
            new SyncScheduler(f.database.dataSource(), sync, Duration.ofMillis(100))) {
      scheduler.start();
      scheduler.onActivated(f.tenant);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sync.status(f.tenant).backfilledAt() != null);
      assertThat(f.count("mirror_candidate")).isEqualTo(200);
      Instant firstPass = BackfillTest.line(sync.status(f.tenant), "candidates").completedThrough();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                SyncStatus.Resource line = BackfillTest.line(sync.status(f.tenant), "candidates");
                return "incremental".equals(line.mode())
                    && line.completedThrough() != null
                    && line.completedThrough().isAfter(firstPass);
              });

      byte[] data =
          f.database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select task_data from scheduled_tasks where task_name ="
                                  + " 'tenant-sync' and task_instance = :i")
                          .bind("i", f.tenant.toString())
                          .mapTo(byte[].class)
                          .one());
      JsonNode json = new ObjectMapper().readTree(data);
      assertThat(json.path("tenantId").asText(json.path("tenant_id").asText()))
          .isEqualTo(f.tenant.toString());

      scheduler.onDeactivated(f.tenant);
      SyncStatus paused = sync.status(f.tenant);
      assertThat(paused.state()).isEqualTo("paused");
      assertThat(paused.pausedReason()).contains("deactivated");
    } finally {
      // leave no task of this test behind for other schedulers sharing the test database
      io.headhuntr.connector.store.TestDatabase.shared()
          .jdbi()
          .useHandle(h -> h.execute("delete from scheduled_tasks where task_name = 'tenant-sync'"));
    }
  }

  /** A tenant's row in db-scheduler's table. */
  private record Scheduled(Instant executionTime, Instant lastSuccess, boolean picked) {
    Duration afterLastPass() {
      return Duration.between(lastSuccess, executionTime);
    }
  }

  @Test
  void each_tenant_waits_its_own_interval_and_a_changed_interval_moves_the_next_pass_at_once()
      throws Exception {
    UUID other = UUID.randomUUID();
    Set<UUID> tenants = new java.util.HashSet<>(Set.of(other));
    try (SyncFixture f = new SyncFixture(50);
        SyncService sync =
            new SyncService(
                f.database.jdbi(),
                f.mirror,
                id ->
                    id.equals(f.tenant) || id.equals(other)
                        ? Optional.of(new HarvestV1Adapter(f.client))
                        : Optional.empty(),
                SyncFixture.fastConfig(),
                Clock.systemUTC(),
                SyncObserver.NONE);
        SyncScheduler scheduler =
            new SyncScheduler(f.database.dataSource(), sync, Duration.ofMillis(100))) {
      UUID quick = f.tenant;
      tenants.add(quick);
      SyncApi api = new SyncApi(sync, scheduler::runNow, scheduler::onSettingsChanged);
      Javalin server =
          Javalin.create(
                  cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    for (Route route : new SyncRoutes(api).routes()) {
                      cfg.routes.addHttpHandler(route.method(), route.path(), route.handler());
                    }
                    cfg.routes.exception(ProblemException.class, ProblemMapper::write);
                  })
              .start(0);
      try {
        String base = "http://localhost:" + server.port() + "/api/v1/tenants/";
        assertThat(put(base + quick + "/sync/settings", "{\"interval_minutes\":1}").statusCode())
            .isEqualTo(200);
        scheduler.start();
        scheduler.onActivated(quick);
        scheduler.onActivated(other);

        // each backfill ends and schedules the next pass: one minute later, fifteen for the other
        await().atMost(Duration.ofSeconds(30)).until(() -> ranOnce(f, quick) && ranOnce(f, other));
        assertThat(scheduled(f, quick).afterLastPass()).isEqualTo(Duration.ofMinutes(1));
        assertThat(scheduled(f, other).afterLastPass()).isEqualTo(Duration.ofMinutes(15));
        JsonNode status = JSON.readTree(get(base + quick + "/sync").body());
        assertThat(status.path("interval_minutes").asInt()).isEqualTo(1);
        assertThat(Instant.parse(status.path("next_pass_at").asText()))
            .isEqualTo(scheduled(f, quick).executionTime());

        // a longer interval moves the waiting pass later at once, without waiting for it to run
        Instant quickEnded = scheduled(f, quick).lastSuccess();
        Instant otherEnded = scheduled(f, other).lastSuccess();
        assertThat(put(base + quick + "/sync/settings", "{\"interval_minutes\":60}").statusCode())
            .isEqualTo(200);
        assertThat(scheduled(f, quick).executionTime()).isEqualTo(quickEnded.plusSeconds(3600));
        // a shorter one brings the other tenant's pass forward; a past time would mean "now"
        assertThat(put(base + other + "/sync/settings", "{\"interval_minutes\":5}").statusCode())
            .isEqualTo(200);
        assertThat(scheduled(f, other).executionTime()).isEqualTo(otherEnded.plusSeconds(300));
        JsonNode otherStatus = JSON.readTree(get(base + other + "/sync").body());
        assertThat(otherStatus.path("interval_minutes").asInt()).isEqualTo(5);
        assertThat(Instant.parse(otherStatus.path("next_pass_at").asText()))
            .isEqualTo(otherEnded.plusSeconds(300));

        // the full reconciliation follows the tenant's own hours too
        assertThat(put(base + quick + "/sync/settings", "{\"full_interval_hours\":1}").statusCode())
            .isEqualTo(200);
        JsonNode quickStatus = JSON.readTree(get(base + quick + "/sync").body());
        Instant lastFull = Instant.parse(quickStatus.path("last_full_pass_at").asText());
        assertThat(Instant.parse(quickStatus.path("next_full_pass_at").asText()))
            .isEqualTo(lastFull.plusSeconds(3600));
        assertThat(Instant.parse(otherStatus.path("next_full_pass_at").asText()))
            .isEqualTo(
                Instant.parse(otherStatus.path("last_full_pass_at").asText()).plusSeconds(86400));

        // a refused setting moves nothing
        Instant before = scheduled(f, other).executionTime();
        assertThat(put(base + other + "/sync/settings", "{\"interval_minutes\":0}").statusCode())
            .isEqualTo(422);
        assertThat(scheduled(f, other).executionTime()).isEqualTo(before);
      } finally {
        server.stop();
      }
    } finally {
      // only this test's tasks: other tests' schedulers share the database
      java.util.List<String> mine = tenants.stream().map(UUID::toString).toList();
      io.headhuntr.connector.store.TestDatabase.shared()
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "delete from scheduled_tasks where task_name = 'tenant-sync'"
                              + " and task_instance in (<ids>)")
                      .bindList("ids", mine)
                      .execute());
    }
  }

  private static boolean ranOnce(SyncFixture f, UUID tenant) {
    Scheduled s = scheduled(f, tenant);
    return s != null && !s.picked() && s.lastSuccess() != null;
  }

  private static Scheduled scheduled(SyncFixture f, UUID tenant) {
    return f.database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select execution_time, last_success, picked from scheduled_tasks"
                            + " where task_name = 'tenant-sync' and task_instance = :i")
                    .bind("i", tenant.toString())
                    .map(
                        (rs, ctx) ->
                            new Scheduled(
                                rs.getObject("execution_time", java.time.OffsetDateTime.class)
                                    .toInstant(),
                                Optional.ofNullable(
                                        rs.getObject(
                                            "last_success", java.time.OffsetDateTime.class))
                                    .map(java.time.OffsetDateTime::toInstant)
                                    .orElse(null),
                                rs.getBoolean("picked")))
                    .findOne()
                    .orElse(null));
  }

  private HttpResponse<String> put(String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
