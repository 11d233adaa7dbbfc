package io.headhuntr.connector;

import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.headhuntr.connector.greenhouse.PartnerTokenKeepAlive;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.push.PushConfig;
import io.headhuntr.connector.push.PushWorker;
import io.headhuntr.connector.push.TenantPushControls;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.FreshStatistics;
import io.headhuntr.connector.sync.SyncConfig;
import io.headhuntr.connector.sync.SyncScheduler;
import io.headhuntr.connector.sync.SyncService;
import io.headhuntr.connector.tenant.TenantListener;
import io.headhuntr.connector.webhooks.VerifiedDeliveries;
import io.headhuntr.connector.webhooks.apply.WebhookApplier;
import io.headhuntr.connector.webhooks.inbox.BurstPolicy;
import io.headhuntr.connector.webhooks.inbox.CpuLoad;
import io.headhuntr.connector.webhooks.inbox.InboxWorker;
import io.headhuntr.connector.webhooks.inbox.InboxWorkerConfig;
import io.headhuntr.connector.webhooks.inbox.InboxWriter;
import io.headhuntr.connector.webhooks.inbox.WebhookInbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of the service: the webhook inbox and its appliers, the push worker, the sync
 * with its scheduler, and the keep-alive of partner ("Connect Greenhouse") tokens. Built before the
 * routes (they share the mirror, inbox and sync), started once the HTTP server listens, and closed
 * before the database pool.
 */
final class Workers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Workers.class);
  // db-scheduler waits for a running pass (up to 30 minutes); shutdown does not: a pass left
  // behind resumes from its last committed page on the next start
  private static final Duration SCHEDULER_STOP_WAIT = Duration.ofSeconds(10);

  private final ConnectorConfig.WorkersConfig config;
  private final MirrorStore mirror = new MirrorStore();
  private final WebhookInbox inbox;
  private final InboxWorker inboxWorker;
  private final InboxWriter inboxWriter;
  private final PushWorker pushWorker;
  private final TenantPushControls pushControls;
  private final SyncService sync;
  private final SyncScheduler scheduler;
  private final FreshStatistics statistics;
  private final RetentionJob retention;
  private final PartnerTokenKeepAlive keepAlive;
  private boolean started;

  Workers(
      ConnectorConfig.WorkersConfig config,
      Database database,
      GreenhouseConnections greenhouse,
      Credentials credentials,
      PushConfig pushConfig,
      Clock clock) {
    this.config = config;
    this.inbox = new WebhookInbox(database.jdbi(), clock);
    this.inboxWorker =
        new InboxWorker(
            database.jdbi(),
            clock,
            new WebhookApplier(mirror),
            config
                .takeoverAfter()
                .map(InboxWorkerConfig.defaults()::withStaleAfter)
                .orElseGet(InboxWorkerConfig::defaults));
    this.statistics = new FreshStatistics(database.jdbi());
    this.inboxWriter = InboxWriter.start(inbox, inboxWorker::wake);
    inboxWorker.yieldDuringBursts(inboxWriter.rate(), BurstPolicy.defaults(), CpuLoad.system());
    // a push of a tenant whose partner connection needs a reconnect waits instead of failing
    this.pushWorker =
        new PushWorker(
            database,
            greenhouse,
            pushConfig,
            clock,
            Optional.empty(),
            credentials::reconnectReason,
            PushWorker.RECONNECT_RECHECK);
    this.keepAlive = new PartnerTokenKeepAlive(database.dataSource(), credentials, clock);
    this.pushControls = new TenantPushControls(database.jdbi());
    this.sync =
        new SyncService(
            database.jdbi(),
            mirror,
            greenhouse,
            config.sync().applyTo(SyncConfig.defaults()),
            clock);
    this.scheduler =
        SyncScheduler.withDeadAfter(
            database.dataSource(),
            sync,
            config.takeoverAfter().orElse(SyncScheduler.DEFAULT_DEAD_AFTER));
    this.retention = new RetentionJob(database.jdbi(), config.retention(), clock);
  }

  RetentionJob retention() {
    return retention;
  }

  MirrorStore mirror() {
    return mirror;
  }

  WebhookInbox inbox() {
    return inbox;
  }

  SyncService sync() {
    return sync;
  }

  SyncScheduler scheduler() {
    return scheduler;
  }

  /**
   * Where the webhook receiver commits every verified delivery before its 200; a new one wakes an
   * idle applier at once.
   */
  VerifiedDeliveries deliveries() {
    return inboxWriter;
  }

  /** A tenant connected Greenhouse (again): its pushes waiting for that go on now. */
  void greenhouseReconnected(UUID tenantId) {
    pushControls.wakeWaitingForReconnect(tenantId);
  }

  /**
   * Activation starts the tenant's backfill; pause stops its sync and its pushes; resume runs a
   * pass now and queues the pushes again.
   */
  TenantListener tenantListener() {
    return new TenantListener() {
      @Override
      public void activated(UUID tenantId) {
        scheduler.onActivated(tenantId);
      }

      @Override
      public void paused(UUID tenantId) {
        scheduler.onDeactivated(tenantId);
        pushControls.pause(tenantId, "the tenant was paused");
      }

      @Override
      public void resumed(UUID tenantId) {
        pushControls.resume(tenantId);
        scheduler.runNow(tenantId);
      }
    };
  }

  synchronized void start() {
    statistics.start(5);
    inboxWorker.start(config.inboxThreads());
    pushWorker.start(config.pushThreads());
    scheduler.start();
    retention.start();
    keepAlive.start();
    started = true;
    log.info(
        "workers started: {} inbox, {} push threads, sync scheduler (every {}, full every {})",
        config.inboxThreads(),
        config.pushThreads(),
        config.sync().interval(),
        config.sync().fullInterval());
  }

  private void stopScheduler() {
    Thread stopper = new Thread(scheduler::close, "sync-scheduler-stop");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(SCHEDULER_STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      log.warn(
          "a sync pass was still running after {} s; it resumes from its checkpoint on the next"
              + " start",
          SCHEDULER_STOP_WAIT.toSeconds());
    }
  }

  /** Stops taking new work and waits for work in progress (each closes on its own). */
  @Override
  public synchronized void close() {
    statistics.close();
    retention.close();
    inboxWriter.close();
    if (!started) {
      sync.close();
      return;
    }
    started = false;
    try {
      keepAlive.close();
    } catch (RuntimeException e) {
      log.warn("the partner token keep-alive did not stop cleanly", e);
    }
    try {
      stopScheduler();
    } finally {
      try {
        sync.close();
      } finally {
        try {
          pushWorker.close();
        } finally {
          inboxWorker.close();
        }
      }
    }
  }
}
