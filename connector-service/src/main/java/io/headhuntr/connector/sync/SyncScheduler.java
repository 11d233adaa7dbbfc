package io.headhuntr.connector.sync;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.headhuntr.connector.store.ClaimOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Runs every tenant's sync passes through db-scheduler (table {@code scheduled_tasks}): one task
 * instance per tenant (its id), JSON task data, rescheduled the tenant's interval after each pass
 * (its {@code interval_minutes}, else {@link SyncConfig#interval()}); cluster-safe, so one process
 * runs a tenant's pass at a time.
 */
public final class SyncScheduler implements AutoCloseable {
  /** The task data: which tenant (kept as JSON, never Java serialization). */
  public record TenantTask(String tenantId) {}

  static final TaskDescriptor<TenantTask> TASK = TaskDescriptor.of("tenant-sync", TenantTask.class);

  private final SyncService sync;
  private final Scheduler scheduler;
  private final ScheduledExecutorService wakeUps =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sync-wake-up");
            t.setDaemon(true);
            return t;
          });

  /**
   * db-scheduler's default bound for a dead execution: 6 missed heartbeats of 5 minutes. A pass
   * whose process died is run again (from its checkpoints) once that long has passed without a
   * heartbeat.
   */
  public static final Duration DEFAULT_DEAD_AFTER = Duration.ofMinutes(30);

  private static final int MISSED_HEARTBEATS = 6;

  public SyncScheduler(DataSource dataSource, SyncService sync) {
    this(dataSource, sync, Duration.ofSeconds(10));
  }

  /**
   * As above, with a pass whose process stopped heartbeating taken over after {@code deadAfter}
   * (heartbeats every sixth of it).
   */
  public static SyncScheduler withDeadAfter(
      DataSource dataSource, SyncService sync, Duration deadAfter) {
    return new SyncScheduler(dataSource, sync, Duration.ofSeconds(10), 4, deadAfter);
  }

  SyncScheduler(DataSource dataSource, SyncService sync, Duration pollingInterval) {
    this(dataSource, sync, pollingInterval, 4);
  }

  SyncScheduler(DataSource dataSource, SyncService sync, Duration pollingInterval, int threads) {
    this(dataSource, sync, pollingInterval, threads, DEFAULT_DEAD_AFTER);
  }

  private SyncScheduler(
      DataSource dataSource,
      SyncService sync,
      Duration pollingInterval,
      int threads,
      Duration deadAfter) {
    this.sync = sync;
    CustomTask<TenantTask> task =
        Tasks.custom(TASK)
            // a pass that throws (database down, a bug) is tried again after the interval
            .onFailure(this::afterInterval)
            .onDeadExecutionRevive()
            .execute(
                (instance, context) -> {
                  PassResult result = sync.runPass(UUID.fromString(instance.getData().tenantId()));
                  if (result.outcome() == PassResult.Outcome.WAITING) {
                    // stopped at its checkpoint (rate limit, a retry): this thread goes on with
                    // other tenants, the pass continues at its time
                    return (done, operations) -> continueAt(done, operations, result.resumeAt());
                  }
                  return this::afterInterval;
                });
    this.scheduler =
        Scheduler.create(dataSource, task)
            .serializer(new JacksonSerializer())
            .pollingInterval(pollingInterval)
            // picked_by names this process, so a dead instance's pass can be told apart
            .schedulerName(new SchedulerName.Fixed(ClaimOwner.newName("sync")))
            .heartbeatInterval(deadAfter.dividedBy(MISSED_HEARTBEATS))
            .missedHeartbeatsLimit(MISSED_HEARTBEATS)
            .threads(threads)
            .build();
  }

  /**
   * Schedules the continuation of a pass that stopped to wait, and checks for due work at that time
   * instead of at the next poll, so a waiting tenant loses no more than the wait.
   */
  private void continueAt(
      ExecutionComplete done, ExecutionOperations<TenantTask> operations, Instant at) {
    operations.reschedule(done, at);
    long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
    if (!wakeUps.isShutdown()) {
      wakeUps.schedule(scheduler::triggerCheckForDueExecutions, delay + 5, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Schedules the tenant's next pass its interval after this one ended (read now: a change counts).
   */
  private void afterInterval(ExecutionComplete done, ExecutionOperations<TenantTask> operations) {
    Object data = done.getExecution().taskInstance.getData();
    UUID tenant = UUID.fromString(((TenantTask) data).tenantId());
    operations.reschedule(done, sync.passEnded(tenant, done.getTimeDone()));
  }

  /**
   * Starts polling; passes due (and ones a stopped process left behind) run from here on. The
   * schedule lives in the database, so a restart needs nothing else.
   */
  public void start() {
    scheduler.start();
  }

  /** The activation hook: prepares the tenant and schedules its first pass (the backfill) now. */
  public void onActivated(UUID tenantId) {
    sync.prepare(tenantId);
    sync.resume(tenantId);
    schedule(tenantId, Instant.now(), true);
  }

  /** {@code POST .../sync} through the scheduler: lifts a pause and runs the tenant's pass now. */
  public void runNow(UUID tenantId) {
    sync.prepare(tenantId);
    sync.resume(tenantId);
    schedule(tenantId, Instant.now(), true);
  }

  /**
   * The deactivation hook: pauses the tenant's sync (its checkpoints stay) and removes its schedule
   * unless a pass is executing right now, in which case later passes see the pause and skip.
   */
  public void onDeactivated(UUID tenantId) {
    sync.pause(tenantId, "the tenant was deactivated");
    var id = TASK.instanceId(tenantId.toString());
    try {
      if (scheduler.getScheduledExecution(id).isPresent()) {
        scheduler.cancel(id);
      }
    } catch (TaskInstanceCurrentlyExecutingException running) {
      // the pass in progress finishes; the next ones are skipped while the tenant is paused
    }
  }

  /**
   * The settings hook ({@code PUT .../sync/settings}): moves the tenant's next pass to its new
   * interval after the last one ended (not into the past). A pass that is due or running is left
   * alone: the running one schedules the next with the new interval when it ends.
   */
  public void onSettingsChanged(UUID tenantId) {
    var id = TASK.instanceId(tenantId.toString());
    Optional<ScheduledExecution<Object>> next = scheduler.getScheduledExecution(id);
    Instant now = Instant.now();
    if (next.isEmpty() || next.get().isPicked() || !next.get().getExecutionTime().isAfter(now)) {
      return;
    }
    Optional<Instant> lastEnded = sync.lastPassEndedAt(tenantId);
    if (lastEnded.isEmpty()) {
      return; // no pass ended yet: the first one is already on its way
    }
    Instant at = lastEnded.get().plus(sync.interval(tenantId));
    try {
      scheduler.reschedule(id, at.isBefore(now) ? now : at);
    } catch (TaskInstanceCurrentlyExecutingException running) {
      // picked in between: it schedules its successor with the new interval when it ends
    }
  }

  private void schedule(UUID tenant, Instant at, boolean moveIfScheduled) {
    TaskInstance<TenantTask> instance =
        TASK.instance(tenant.toString()).data(new TenantTask(tenant.toString())).build();
    boolean created = scheduler.scheduleIfNotExists(instance, at);
    if (!created && moveIfScheduled) {
      try {
        scheduler.reschedule(instance, at);
      } catch (TaskInstanceCurrentlyExecutingException running) {
        // a pass of the tenant is running right now: that is what was asked for
      }
    }
  }

  @Override
  public void close() {
    wakeUps.shutdownNow();
    scheduler.stop();
  }
}
