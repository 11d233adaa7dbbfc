package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One sync thread, two tenants: the one whose Greenhouse budget is spent gives the thread back and
 * continues at Greenhouse's time, so the other tenant's backfill runs meanwhile instead of queueing
 * behind a sleeping thread.
 */
class SyncFairnessTest {

  @Test
  void a_tenant_waiting_for_its_rate_limit_holds_no_sync_thread() throws Exception {
    List<String> tenants = new java.util.ArrayList<>();
    // limited: 8 calls per 10 s, 2 left to pushes; 6 reference lists + jobs + 3 candidate pages
    // is 10 reads, so its backfill must wait for a second window
    try (SyncFixture limited = new SyncFixture(1_500, 8);
        SyncFixture quick = new SyncFixture(60);
        SyncService sync =
            new SyncService(
                limited.database.jdbi(),
                limited.mirror,
                id ->
                    id.equals(limited.tenant)
                        ? Optional.of(new HarvestV1Adapter(limited.client))
                        : id.equals(quick.tenant)
                            ? Optional.of(new HarvestV1Adapter(quick.client))
                            : Optional.empty(),
                SyncFixture.fastConfig(),
                Clock.systemUTC(),
                SyncObserver.NONE);
        SyncScheduler scheduler =
            new SyncScheduler(limited.database.dataSource(), sync, Duration.ofMillis(100), 1)) {
      tenants.add(limited.tenant.toString());
      tenants.add(quick.tenant.toString());
      scheduler.start();
      scheduler.onActivated(limited.tenant);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> sync.status(limited.tenant).state().equals("waiting"));
      Instant resumesAt =
          sync.status(limited.tenant).resources().stream()
              .filter(r -> r.resumesAt() != null)
              .findFirst()
              .orElseThrow()
              .resumesAt();
      assertThat(resumesAt).isAfter(Instant.now().plusSeconds(2));

      scheduler.onActivated(quick.tenant);

      // the only thread is free: the other tenant's backfill is done while the first one waits
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> sync.status(quick.tenant).backfilledAt() != null);
      assertThat(Instant.now())
          .as("done before the waiting tenant's window came back")
          .isBefore(resumesAt);
      assertThat(sync.status(limited.tenant).state()).isEqualTo("waiting");
      assertThat(quick.count("mirror_candidate")).isEqualTo(60);

      // the waiting tenant goes on at its time, from where it stopped, and never hit a 429
      await()
          .atMost(Duration.ofSeconds(40))
          .until(() -> sync.status(limited.tenant).backfilledAt() != null);
      assertThat(limited.count("mirror_candidate")).isEqualTo(1_500);
      assertThat(limited.sandbox.rateLimitedCount(SyncFixture.KEY)).isZero();
      assertThat(limited.syncRequests())
          .as("nothing read twice: 6 reference lists, jobs, 3 candidate pages")
          .isEqualTo(10);
    } finally {
      // only this test's tasks: other tests' schedulers share the database
      if (!tenants.isEmpty()) {
        io.headhuntr.connector.store.TestDatabase.shared()
            .jdbi()
            .useHandle(
                h ->
                    h.createUpdate(
                            "delete from scheduled_tasks where task_name = 'tenant-sync'"
                                + " and task_instance in (<ids>)")
                        .bindList("ids", tenants)
                        .execute());
      }
    }
  }
}
