package io.headhuntr.connector.webhooks.inbox;

import io.headhuntr.connector.events.EventLog;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.webhooks.apply.UnusablePayloadException;
import io.headhuntr.connector.webhooks.apply.WebhookApplier;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies inbox rows: claims a batch in one statement ({@code FOR UPDATE SKIP LOCKED}, stamping
 * owner, heartbeat and version), applies the rows in a transaction that also marks each done and
 * appends their outcome events, and on failure schedules a retry or parks the row. A row whose
 * claim was revived by the sweeper (its worker stopped heartbeating) can no longer be finished by
 * the old worker: the version check rolls its transaction back, so nothing is applied twice and
 * nothing is lost.
 *
 * <p>{@link #runOnce()}, {@link #sweepOnce()} and {@link #heartbeatOnce()} drive it by hand in
 * tests; {@link #start(int)} runs it in the service until {@link #close()}.
 */
public final class InboxWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
  private static final int MAX_ERROR_CHARS = 500;
  private static final int IMMEDIATE_RETRIES = 3;
  // rows per claim while giving way to a burst: each slice of applying stays short (about 10 ms),
  // so the acknowledgements waiting behind it are not held long
  private static final int BURST_BATCH = 50;
  // once giving way, for at least this long (giving way frees the CPU it was started by)
  private static final long YIELD_AT_LEAST_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Jdbi jdbi;
  private final Clock clock;
  private final DeliveryApplier applier;
  private final InboxWorkerConfig config;
  private final InboxClaims claims;
  private final EventLog eventLog = new EventLog();
  private final AtomicBoolean running = new AtomicBoolean();
  private final Object idle = new Object();
  // set by wake(), cleared by the thread that consumes it: a wake that comes while every thread is
  // busy claiming is not lost (the thread claims again instead of waiting a whole poll interval)
  private boolean woken;
  private volatile IntakeRate intakeRate;
  private volatile BurstPolicy burstPolicy = BurstPolicy.never();
  private volatile DoubleSupplier cpuLoad = () -> 1;
  // the oldest row of the last batch had waited longer than the policy's maxDeferral
  private volatile boolean behind;
  // System.nanoTime() until which the appliers keep giving way once a burst slowed the intake
  private volatile long yieldingUntil = System.nanoTime();
  private ExecutorService workers;
  private ScheduledExecutorService housekeeping;

  public InboxWorker(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, new WebhookApplier(new MirrorStore()), InboxWorkerConfig.defaults());
  }

  public InboxWorker(Jdbi jdbi, Clock clock, DeliveryApplier applier, InboxWorkerConfig config) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.applier = applier;
    this.config = config;
    this.claims = new InboxClaims(jdbi, config.workerId());
  }

  /**
   * Gives way to the intake during bursts: see {@link BurstPolicy}; the CPUs count as busy. Call
   * before {@link #start}.
   */
  public void yieldDuringBursts(IntakeRate rate, BurstPolicy policy) {
    yieldDuringBursts(rate, policy, () -> 1);
  }

  /** As above, with {@code cpuLoad} (0 to 1, {@link CpuLoad} in the service) saying how busy. */
  public void yieldDuringBursts(IntakeRate rate, BurstPolicy policy, DoubleSupplier cpuLoad) {
    this.intakeRate = rate;
    this.burstPolicy = policy;
    this.cpuLoad = cpuLoad;
  }

  /**
   * Claims up to one batch and applies it in one transaction (one commit for the batch, {@link
   * DeliveryApplier#applyAll}), appending the rows' outcome events at the end, per tenant in a
   * fixed order. A row the applier finds unusable before writing anything of it is parked after the
   * commit; when any row's writes fail, the batch is rolled back and its rows are applied one
   * transaction each, so a failing row is retried or parked alone. Returns how many rows were
   * claimed.
   */
  public int runOnce() {
    return runOnce(config.batchSize());
  }

  private int runOnce(int limit) {
    Instant claimedAt = clock.instant();
    List<InboxClaims.Claimed> batch = claims.claim(limit, claimedAt);
    behind =
        !batch.isEmpty()
            && batch.get(0).receivedAt().isBefore(claimedAt.minus(burstPolicy.maxDeferral()));
    if (batch.size() == 1) {
      processAlone(batch.get(0));
    } else if (!batch.isEmpty()) {
      try {
        List<Unusable> unusable = jdbi.inTransaction(h -> applyBatch(h, batch));
        unusable.forEach(u -> claims.park(u.row(), u.reason(), clock.instant()));
      } catch (RuntimeException e) {
        LOG.debug(
            "inbox batch of {} rolled back ({}); applying one by one", batch.size(), e.toString());
        batch.forEach(this::processAlone);
      }
    }
    return batch.size();
  }

  /**
   * Applies the batch; returns the rows the applier found unusable (nothing of them was written;
   * they stay claimed and are parked after the commit).
   */
  private List<Unusable> applyBatch(Handle h, List<InboxClaims.Claimed> batch) {
    Instant now = clock.instant();
    List<DeliveryApplier.Delivery> deliveries = new ArrayList<>(batch.size());
    for (InboxClaims.Claimed row : batch) {
      deliveries.add(
          new DeliveryApplier.Delivery(row.tenantId(), claims.body(h, row), row.receivedAt()));
    }
    List<DeliveryApplier.Applied> applied = applier.applyAll(h, deliveries);
    if (applied.size() != batch.size()) {
      throw new IllegalStateException(
          "the applier answered " + applied.size() + " of " + batch.size() + " deliveries");
    }
    Map<UUID, List<NewEvent>> events = new TreeMap<>();
    List<InboxClaims.Claimed> done = new ArrayList<>(batch.size());
    List<String> outcomes = new ArrayList<>(batch.size());
    List<Unusable> unusable = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      InboxClaims.Claimed row = batch.get(i);
      DeliveryApplier.Applied result = applied.get(i);
      if (result.unusable() != null) {
        unusable.add(new Unusable(row, result.unusable()));
        continue;
      }
      done.add(row);
      outcomes.add(result.outcome());
      events.computeIfAbsent(row.tenantId(), t -> new ArrayList<>()).addAll(result.events());
    }
    if (!claims.markAllDone(h, done, outcomes, now)) {
      throw new LostClaim();
    }
    events.forEach((tenant, list) -> eventLog.append(h, tenant, list, now));
    return unusable;
  }

  private record Unusable(InboxClaims.Claimed row, String reason) {}

  private void processAlone(InboxClaims.Claimed row) {
    for (int attempt = 1; ; attempt++) {
      try {
        jdbi.useTransaction(
            h -> {
              Instant now = clock.instant();
              List<NewEvent> events = new ArrayList<>();
              String outcome =
                  applier.apply(h, row.tenantId(), claims.body(h, row), row.receivedAt(), events);
              if (!claims.markAllDone(h, List.of(row), List.of(outcome), now)) {
                throw new LostClaim();
              }
              eventLog.append(h, row.tenantId(), events, now);
            });
        return;
      } catch (LostClaim e) {
        lostClaim(row);
        return;
      } catch (RuntimeException e) {
        // a deadlock victim or serialization failure: the other transaction went through, so
        // trying again at once succeeds; not worth a backoff
        if (attempt < IMMEDIATE_RETRIES && isTransient(e)) {
          continue;
        }
        failed(row, e);
        return;
      }
    }
  }

  private static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001"))) {
        return true;
      }
    }
    return false;
  }

  private void lostClaim(InboxClaims.Claimed row) {
    // rolled back: the sweeper gave the row to another worker, which applies it
    LOG.info("inbox row {} was reclaimed by another worker; not finished here", row.inboxId());
  }

  private void failed(InboxClaims.Claimed row, RuntimeException e) {
    if (e instanceof UnusablePayloadException) {
      claims.park(row, e.getMessage(), clock.instant());
      return;
    }
    String error = describe(e);
    Optional<Duration> delay = config.retry().delayAfter(row.attempts());
    if (delay.isPresent()) {
      claims.retryLater(row, error, clock.instant().plus(delay.get()));
    } else {
      claims.park(row, "gave up after " + row.attempts() + " attempts: " + error, clock.instant());
    }
    LOG.warn(
        "inbox row {} of tenant {} ({}) failed, attempt {}: {}",
        row.inboxId(),
        row.tenantId(),
        row.action(),
        row.attempts(),
        error);
  }

  /** Revives claims whose worker stopped heartbeating; returns how many. */
  public int sweepOnce() {
    Instant now = clock.instant();
    return claims.reviveStale(now.minus(config.staleAfter()), now, config.retry().maxAttempts());
  }

  /** Refreshes the heartbeat of every row this worker holds. */
  public void heartbeatOnce() {
    claims.heartbeat(clock.instant());
  }

  /** Starts {@code threads} claiming threads plus heartbeat and sweeper. */
  public synchronized void start(int threads) {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("already started");
    }
    workers = Executors.newFixedThreadPool(threads, named(config.workerId() + "-apply"));
    for (int i = 0; i < threads; i++) {
      boolean first = i == 0;
      workers.submit(() -> loop(first));
    }
    housekeeping = Executors.newSingleThreadScheduledExecutor(named(config.workerId() + "-sweep"));
    long every = config.heartbeatInterval().toMillis();
    housekeeping.scheduleWithFixedDelay(this::housekeep, every, every, TimeUnit.MILLISECONDS);
  }

  /** Wakes idle threads now (for example right after a delivery was accepted). */
  public void wake() {
    synchronized (idle) {
      woken = true;
      idle.notifyAll();
    }
  }

  @Override
  public synchronized void close() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    wake();
    housekeeping.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void loop(boolean firstThread) {
    while (running.get()) {
      try {
        boolean yielding = inBurst();
        if (yielding && !firstThread) {
          // not woken by new deliveries: during a burst they arrive all the time
          Thread.sleep(config.pollInterval().toMillis());
          continue;
        }
        long started = System.nanoTime();
        if (runOnce(yielding ? Math.min(config.batchSize(), BURST_BATCH) : config.batchSize())
            == 0) {
          rest(config.pollInterval().toMillis());
        } else if (yielding) {
          // applied for t: rest t * (1 - duty) / duty, so applying takes at most duty of the time
          long applied = System.nanoTime() - started;
          double duty = burstPolicy.duty();
          Thread.sleep((long) (applied * (1 - duty) / duty / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("inbox worker {}: claim failed: {}", config.workerId(), e.toString());
        try {
          rest(config.pollInterval().toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The intake is in a burst and the backlog is not yet too old to wait. */
  private boolean inBurst() {
    IntakeRate rate = intakeRate;
    if (rate == null || behind) {
      return false;
    }
    double perSecond = rate.perSecond();
    long now = System.nanoTime();
    if (burstPolicy.slows(perSecond, cpuLoad.getAsDouble(), rate.requestsPerCommit())) {
      // giving way frees the CPU: hold on for a while rather than flip back at once
      yieldingUntil = now + YIELD_AT_LEAST_NANOS;
    }
    return perSecond >= burstPolicy.startsAtPerSecond() && now - yieldingUntil < 0;
  }

  private void rest(long millis) throws InterruptedException {
    if (millis <= 0) {
      return;
    }
    synchronized (idle) {
      if (running.get() && !woken) {
        idle.wait(millis);
      }
      woken = false;
    }
  }

  private void housekeep() {
    try {
      heartbeatOnce();
      int revived = sweepOnce();
      if (revived > 0) {
        LOG.info("inbox: revived {} claims abandoned by a stopped worker", revived);
      }
    } catch (RuntimeException e) {
      LOG.warn("inbox housekeeping failed: {}", e.toString());
    }
  }

  /** The claim was revived by the sweeper while this worker still held it. */
  private static final class LostClaim extends RuntimeException {
    LostClaim() {
      super("claim lost", null, false, false);
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getClass().getSimpleName() + ": " + root.getMessage();
    return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    return runnable -> {
      Thread thread = new Thread(runnable, prefix);
      thread.setDaemon(true);
      return thread;
    };
  }
}
