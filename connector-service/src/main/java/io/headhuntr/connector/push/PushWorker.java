package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.events.EventLog;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.greenhouse.CallerWaits;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.headhuntr.connector.store.ClaimOwner;
import io.headhuntr.connector.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued pushes: each thread claims a few due pushes ({@code SKIP LOCKED}, so several
 * instances share one table), runs them against the tenant's Greenhouse and saves where each one
 * stands. A finished push appends a {@code person_pushed} event to the tenant's feed. Tests call
 * {@link #runOnce()} instead of {@link #start(int)}.
 *
 * <p>A push of a tenant whose Greenhouse connection needs a reconnect ({@link ReconnectCheck})
 * waits, queued at step {@code waiting_for_reconnect}: nothing is sent to Greenhouse, it is looked
 * at again every {@link #RECONNECT_RECHECK} (a database read), {@link
 * TenantPushControls#wakeWaitingForReconnect} wakes it as soon as the tenant connects again, and it
 * goes on from where it stood.
 */
public final class PushWorker implements AutoCloseable {
  /** The longest a push thread waits inside one Greenhouse call (pacing within the budget). */
  static final Duration MAX_WAIT_IN_CALL = CallerWaits.WORKER_WAIT;

  private static final Logger log = LoggerFactory.getLogger(PushWorker.class);

  /** How often a push waiting for a reconnect looks whether the connection is back. */
  public static final Duration RECONNECT_RECHECK = Duration.ofMinutes(1);

  private final PushStore store;
  private final GreenhouseConnections greenhouse;
  private final PushExecution execution;
  private final PushConfig config;
  private final Clock clock;
  private final EventLog events = new EventLog();
  private final String name = ClaimOwner.newName("push");
  private final Optional<Set<UUID>> tenants;
  private final ReconnectCheck reconnect;
  private ScheduledExecutorService threads;

  public PushWorker(
      Database database, GreenhouseConnections greenhouse, PushConfig config, Clock clock) {
    this(database, greenhouse, config, clock, Optional.empty());
  }

  /**
   * A worker that only claims pushes of {@code tenants} (tests sharing one database; an instance
   * dedicated to some tenants).
   */
  public PushWorker(
      Database database,
      GreenhouseConnections greenhouse,
      PushConfig config,
      Clock clock,
      Optional<Set<UUID>> tenants) {
    this(database, greenhouse, config, clock, tenants, ReconnectCheck.NEVER, RECONNECT_RECHECK);
  }

  /**
   * As above, with the tenants' reconnect state: a push of a tenant that needs a reconnect waits,
   * looked at again every {@code reconnectRecheck}.
   */
  public PushWorker(
      Database database,
      GreenhouseConnections greenhouse,
      PushConfig config,
      Clock clock,
      Optional<Set<UUID>> tenants,
      ReconnectCheck reconnect,
      Duration reconnectRecheck) {
    this.tenants = tenants.map(Set::copyOf);
    this.reconnect = reconnect;
    this.store = new PushStore(database.jdbi());
    this.greenhouse = greenhouse;
    this.config = config;
    this.clock = clock;
    this.execution =
        new PushExecution(
            store,
            new PushRequests(
                new TenantLookups(config.lookupCacheAge(), clock), config.platformSourceName()),
            config,
            clock,
            reconnect,
            reconnectRecheck);
  }

  /** Starts {@code count} threads that poll for due pushes every {@code pollInterval}. */
  public synchronized void start(int count) {
    if (threads != null) {
      throw new IllegalStateException("already started");
    }
    threads =
        Executors.newScheduledThreadPool(
            count,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < count; i++) {
      threads.scheduleWithFixedDelay(
          this::drain, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void drain() {
    try {
      while (!Thread.currentThread().isInterrupted() && runOnce() > 0) {
        // keep going while there is work
      }
    } catch (RuntimeException e) {
      log.error("push worker {} failed a round; it polls again", name, e);
    }
  }

  /** Claims up to {@code claimBatch} due pushes and runs each once; returns how many it ran. */
  public int runOnce() {
    List<PushRow> claimed =
        store.claim(name, config.claimBatch(), config.tenantClaims(), config.staleClaim(), tenants);
    for (PushRow push : claimed) {
      try {
        runOne(push);
      } catch (RuntimeException e) {
        // one push's failure never strands the others of the batch (each is saved on its own;
        // an unsaved one is taken over once its claim goes stale)
        log.error("push {} of tenant {} could not be run", push.pushId(), push.tenantId(), e);
      }
    }
    return claimed.size();
  }

  private void runOne(PushRow push) {
    if (!store.heartbeat(push)) {
      return; // claimed long ago in this batch and taken over meanwhile
    }
    PushProgress progress;
    Optional<String> reconnectReason = reconnect.reason(push.tenantId());
    Optional<Greenhouse> client = Optional.empty();
    String unbuildable = null;
    if (reconnectReason.isEmpty()) {
      try {
        client = greenhouse.forTenant(push.tenantId());
      } catch (RuntimeException e) {
        // a stored credential that cannot become a client (unreadable, or its kind is no longer
        // configured): this push fails with the reason, the worker goes on with the others
        log.warn("tenant {}: no Greenhouse client from the saved credential", push.tenantId(), e);
        unbuildable = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
    }
    if (unbuildable != null) {
      progress =
          PushProgress.of("failed", "no_client", push.warnings(), Json.mapper().createArrayNode())
              .uncertain(push.writeSentAt() != null)
              .withError(
                  "the tenant's Greenhouse connection cannot be made from the saved credential ("
                      + unbuildable
                      + "): save the Greenhouse credential again, then retry this push",
                  Json.mapper().createArrayNode());
    } else if (reconnectReason.isPresent()) {
      // known before any call: nothing goes to Greenhouse, and the look is not an attempt
      progress = execution.waitingForReconnect(push, reconnectReason.get()).lookingOnly();
    } else if (client.isEmpty()) {
      String reason = "no Greenhouse credential is saved for this tenant";
      store.controls().pause(push.tenantId(), reason);
      progress =
          PushProgress.of(
                  "needs_attention", "paused", push.warnings(), Json.mapper().createArrayNode())
              .withError(reason, Json.mapper().createArrayNode());
    } else {
      try {
        Greenhouse tenantGreenhouse = client.get();
        // a spent rate limit or a failing Greenhouse reschedules the push: this thread never
        // sleeps on one tenant while others' pushes wait
        progress =
            CallerWaits.atMost(MAX_WAIT_IN_CALL, () -> execution.run(push, tenantGreenhouse));
      } catch (RuntimeException e) {
        log.error("push {} of tenant {} failed unexpectedly", push.pushId(), push.tenantId(), e);
        progress =
            PushProgress.of(
                    "running", "retry_wait", push.warnings(), Json.mapper().createArrayNode())
                .after(config.backoff(push.attempts()))
                .uncertain(push.writeSentAt() != null)
                .withError(
                    "unexpected error; retrying (see the connector log)",
                    Json.mapper().createArrayNode());
      }
    }
    PushProgress saved = progress;
    boolean kept =
        store
            .jdbi()
            .inTransaction(
                h -> {
                  boolean ok = store.save(h, push, saved);
                  if (ok && saved.status().equals("done")) {
                    ObjectNode data =
                        Json.mapper()
                            .createObjectNode()
                            .put("push_id", push.pushId().toString())
                            .put("result", saved.result())
                            .put("target", push.targetType())
                            .put("acting_user_id", push.actingUserId());
                    Long candidate =
                        saved.candidateId() != null ? saved.candidateId() : push.candidateId();
                    Long application =
                        saved.applicationId() != null
                            ? saved.applicationId()
                            : push.applicationId();
                    Long job =
                        push.request().path("target").hasNonNull("job_id")
                            ? push.request().path("target").get("job_id").asLong()
                            : null;
                    events.append(
                        h,
                        push.tenantId(),
                        List.of(
                            new NewEvent(
                                "person_pushed", candidate, application, job, null, null, data)),
                        clock.instant());
                  }
                  return ok;
                });
    if (!kept) {
      log.warn(
          "push {} was taken over by another worker; its result here is dropped", push.pushId());
    }
  }

  @Override
  public synchronized void close() {
    if (threads != null) {
      threads.shutdownNow();
      try {
        threads.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      threads = null;
    }
  }
}
