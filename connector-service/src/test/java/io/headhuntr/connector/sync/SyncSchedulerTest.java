package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {

  @Test
  void activation_backfills_then_passes_repeat_on_the_interval() throws Exception {
    try (SyncFixture f = new SyncFixture(200);
        SyncService sync =
            new SyncService(
                f.database.jdbi(),
                f.mirror,
                id -> id.equals(f.tenant) ? Optional.of(f.client) : Optional.empty(),
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
}
