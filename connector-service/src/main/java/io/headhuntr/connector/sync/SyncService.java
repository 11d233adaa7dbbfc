package io.headhuntr.connector.sync;

import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.headhuntr.connector.mirror.MirrorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps each active tenant's mirror complete: a backfill on activation, then incremental passes
 * (run by {@link SyncScheduler}, or now through {@link #startPass}). At most one pass per tenant
 * runs at a time across every connector process (a PostgreSQL advisory lock), and all its
 * Greenhouse reads go through the tenant's one connection (one pacer), leaving {@link
 * SyncConfig#readReserve()} calls of each rate window to pushes.
 */
public final class SyncService implements AutoCloseable {
  private final Jdbi jdbi;
  private final GreenhouseConnections greenhouse;
  private final SyncConfig config;
  private final Clock clock;
  private final SyncCheckpoints checkpoints;
  private final SyncSchedules schedules;
  private final SyncPass pass;
  private final ExecutorService background =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "sync-pass");
            t.setDaemon(true);
            return t;
          });
  // wakes a waiting pass of startPass at its time; nothing sleeps on a tenant
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sync-pass-timer");
            t.setDaemon(true);
            return t;
          });

  public SyncService(
      Jdbi jdbi,
      MirrorStore mirror,
      GreenhouseConnections greenhouse,
      SyncConfig config,
      Clock clock) {
    this(jdbi, mirror, greenhouse, config, clock, SyncObserver.NONE);
  }

  public SyncService(
      Jdbi jdbi,
      MirrorStore mirror,
      GreenhouseConnections greenhouse,
      SyncConfig config,
      Clock clock,
      SyncObserver observer) {
    this.jdbi = jdbi;
    this.greenhouse = greenhouse;
    this.config = config;
    this.clock = clock;
    this.checkpoints = new SyncCheckpoints(jdbi);
    this.schedules = new SyncSchedules(jdbi);
    this.pass = new SyncPass(jdbi, mirror, checkpoints, config, clock, observer);
  }

  /** The service-wide configuration; its intervals are the defaults a tenant may override. */
  public SyncConfig config() {
    return config;
  }

  /** The tenant's own schedule ({@code GET .../sync/settings}); empty values: the defaults. */
  public SyncSettings settings(UUID tenantId) {
    return schedules.settings(tenantId);
  }

  /**
   * Saves the tenant's own schedule; the next full reconciliation follows it at once, the time of
   * the next pass once {@link SyncScheduler#onSettingsChanged} moved it (or the current pass ends).
   */
  public void saveSettings(UUID tenantId, SyncSettings settings) {
    schedules.save(tenantId, settings);
  }

  /** The time between the tenant's passes in effect: its own setting, else the default. */
  public Duration interval(UUID tenantId) {
    return schedules.settings(tenantId).interval(config);
  }

  /** Records that a scheduled pass ended at {@code ended}; answers when the next is due. */
  Instant passEnded(UUID tenantId, Instant ended) {
    schedules.passEnded(tenantId, ended);
    return ended.plus(interval(tenantId));
  }

  /** When the tenant's last scheduled pass ended, if one did. */
  Optional<Instant> lastPassEndedAt(UUID tenantId) {
    return schedules.lastPassEndedAt(tenantId);
  }

  /** The activation hook: prepares the tenant's checkpoints and starts its backfill now. */
  public void onActivated(UUID tenantId) {
    checkpoints.prepare(tenantId);
    startPass(tenantId);
  }

  /** Creates the tenant's checkpoints (every resource pending) unless they exist. */
  public void prepare(UUID tenantId) {
    checkpoints.prepare(tenantId);
  }

  /**
   * Starts a pass in the background (the backfill if none completed yet); lifts a pause first, so
   * an operator who saved a working key resumes with one call.
   */
  public void startPass(UUID tenantId) {
    checkpoints.prepare(tenantId);
    checkpoints.resume(tenantId);
    background.execute(() -> runInBackground(tenantId));
  }

  /** Runs a pass; one that stops to wait is run again at its time, from its checkpoint. */
  private void runInBackground(UUID tenantId) {
    PassResult result = runPass(tenantId);
    if (result.outcome() == PassResult.Outcome.WAITING && !timer.isShutdown()) {
      long delay = Math.max(0, Duration.between(clock.instant(), result.resumeAt()).toMillis());
      timer.schedule(
          () -> background.execute(() -> runInBackground(tenantId)), delay, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Runs one pass now, on this thread, unless the tenant's sync is paused or another pass of the
   * tenant holds the lock.
   */
  public PassResult runPass(UUID tenantId) {
    checkpoints.prepare(tenantId);
    Optional<TenantSyncState> state = checkpoints.tenant(tenantId);
    if (state.isPresent() && state.get().paused()) {
      return new PassResult(PassResult.Outcome.SKIPPED, state.get().pausedReason());
    }
    Optional<Greenhouse> client = greenhouse.forTenant(tenantId);
    if (client.isEmpty()) {
      return new PassResult(PassResult.Outcome.SKIPPED, "the tenant has no Greenhouse credential");
    }
    try (Handle lock = jdbi.open()) {
      String key = "sync:" + tenantId;
      boolean mine =
          lock.createQuery("select pg_try_advisory_lock(hashtextextended(:k, 0))")
              .bind("k", key)
              .mapTo(Boolean.class)
              .one();
      if (!mine) {
        return new PassResult(PassResult.Outcome.SKIPPED, "a pass of this tenant is running");
      }
      try {
        return pass.run(
            tenantId,
            client.get().withReadReserve(config.readReserve()),
            schedules.settings(tenantId).fullInterval(config));
      } finally {
        lock.createQuery("select pg_advisory_unlock(hashtextextended(:k, 0))")
            .bind("k", key)
            .mapTo(Boolean.class)
            .one();
      }
    }
  }

  /**
   * Asks for a full reconciliation (every job and candidate listed, what Greenhouse no longer has
   * tombstoned) at the tenant's next pass; without asking, one runs every {@link
   * SyncConfig#fullInterval()} (or the tenant's {@code full_interval_hours}).
   */
  public void requestFull(UUID tenantId) {
    checkpoints.prepare(tenantId);
    checkpoints.requestFull(tenantId);
  }

  /** Pauses the tenant's sync with {@code reason} (shown in the status) until resumed. */
  public void pause(UUID tenantId, String reason) {
    checkpoints.prepare(tenantId);
    checkpoints.pause(tenantId, reason, clock.instant());
  }

  /** Lifts a pause (an operator saved a working key); paused resources go back to pending. */
  public void resume(UUID tenantId) {
    checkpoints.resume(tenantId);
  }

  /**
   * Where the tenant's sync stands, per resource, with an estimate of the time left, the schedule
   * in effect and when the next pass is due.
   */
  /** The records the mirror could not store (up to 200, newest first). */
  public List<ParkedRecords.Parked> parked(UUID tenantId) {
    return ParkedRecords.list(jdbi, tenantId, 200);
  }

  public SyncStatus status(UUID tenantId) {
    TenantSyncState tenant = checkpoints.tenant(tenantId).orElse(TenantSyncState.none());
    SyncSettings settings = schedules.settings(tenantId);
    return SyncStatus.of(
        tenantId,
        tenant,
        checkpoints.all(tenantId),
        greenhouse.forTenant(tenantId).map(Greenhouse::rateBudget),
        config,
        new SyncStatus.Schedule(
            settings.interval(config),
            settings.fullInterval(config),
            schedules.nextPassAt(tenantId).orElse(null)));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    background.shutdownNow();
  }
}
