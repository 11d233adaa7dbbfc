package io.headhuntr.connector.sync;

import io.headhuntr.connector.greenhouse.RateBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's sync as {@code GET /api/v1/tenants/{tenant_id}/sync} shows it: overall state, the
 * pause reason, the full reconciliation (in progress since, last one, what it tombstoned), and per
 * resource its state, records seen, pages (of {@code last_page} when counted), last checkpoint,
 * last error ({@code resumes_at} when it waits for Greenhouse's rate limit or a retry) and an
 * estimate of the time left from the rate limit. A backfill or full pass learns its page count from
 * the first page it reads (that one request goes without {@code skip_count}); before that a
 * backfill's time left is {@code null}. The schedule in effect (the tenant's own settings, else the
 * service's defaults) is shown as {@code interval_minutes} and {@code full_interval_hours}, with
 * {@code next_pass_at} from db-scheduler ({@code null} while a pass runs or when none is
 * scheduled).
 */
public record SyncStatus(
    UUID tenantId,
    String state,
    String pausedReason,
    Instant pausedAt,
    Instant backfilledAt,
    Instant fullPassStartedAt,
    boolean fullPassRequested,
    Instant lastFullPassAt,
    Integer lastFullPassDeleted,
    Instant nextFullPassAt,
    Instant nextPassAt,
    long intervalMinutes,
    long fullIntervalHours,
    Integer rateLimit,
    Integer rateRemaining,
    double secondsPerRequest,
    Long estimatedSecondsLeft,
    List<Resource> resources) {

  /** Greenhouse's documented default: 50 calls per 10 seconds. */
  static final int DEFAULT_LIMIT = 50;

  static final Duration WINDOW = Duration.ofSeconds(10);

  /** The tenant's schedule in effect and its next pass as db-scheduler holds it (or null). */
  record Schedule(Duration interval, Duration fullInterval, Instant nextPassAt) {}

  /** One resource's line of the status. */
  public record Resource(
      String resource,
      String state,
      String mode,
      long recordsSeen,
      int pages,
      int requests,
      Integer nextPage,
      Integer lastPage,
      Instant watermark,
      Instant lastCheckpoint,
      Instant completedThrough,
      String lastError,
      Instant resumesAt,
      Long estimatedSecondsLeft) {}

  static SyncStatus of(
      UUID tenant,
      TenantSyncState tenantState,
      List<ResourceProgress> rows,
      Optional<RateBudget> rate,
      SyncConfig config,
      Schedule schedule) {
    Map<SyncResource, ResourceProgress> byResource = new EnumMap<>(SyncResource.class);
    rows.forEach(r -> byResource.put(r.resource(), r));
    Integer limit =
        rate.flatMap(
                r -> r.limit().isPresent() ? Optional.of(r.limit().getAsInt()) : Optional.empty())
            .orElse(null);
    Integer remaining =
        rate.flatMap(
                r ->
                    r.remaining().isPresent()
                        ? Optional.of(r.remaining().getAsInt())
                        : Optional.empty())
            .orElse(null);
    int usable = Math.max(1, (limit == null ? DEFAULT_LIMIT : limit) - config.readReserve());
    double pace = (double) WINDOW.toMillis() / 1000.0 / usable;
    List<Resource> resources = new ArrayList<>();
    long total = 0;
    boolean known = true;
    for (SyncResource r : SyncResource.inOrder()) {
      ResourceProgress p = byResource.get(r);
      Long left = requestsLeft(r, p, tenantState.fullPassStartedAt());
      if (left == null) {
        known = false;
      } else {
        total += left;
      }
      resources.add(
          p == null
              ? new Resource(
                  r.key(),
                  "pending",
                  "backfill",
                  0,
                  0,
                  0,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  seconds(left, pace))
              : new Resource(
                  r.key(),
                  p.state().key(),
                  p.mode(),
                  p.recordsSeen(),
                  p.pages(),
                  p.requests(),
                  p.nextPage(),
                  p.lastPage(),
                  p.watermark(),
                  p.lastCheckpointAt(),
                  p.completedThrough(),
                  p.lastError(),
                  p.state() == SyncState.WAITING ? p.resumesAt() : null,
                  seconds(left, pace)));
    }
    return new SyncStatus(
        tenant,
        overall(tenantState, resources),
        tenantState.pausedReason(),
        tenantState.pausedAt(),
        tenantState.backfilledAt(),
        tenantState.fullPassStartedAt(),
        tenantState.fullPassRequested(),
        tenantState.lastFullPassAt(),
        tenantState.lastFullPassDeleted(),
        nextFull(tenantState, schedule.fullInterval()),
        schedule.nextPassAt(),
        schedule.interval().toMinutes(),
        schedule.fullInterval().toHours(),
        limit,
        remaining,
        pace,
        known ? seconds(total, pace) : null,
        List.copyOf(resources));
  }

  /**
   * Requests still needed by the current or next pass: none when done, one per reference list, one
   * for an incremental page; for a backfill or full listing the pages from the next one to the last
   * one Greenhouse counted (unknown for a backfill before its first page). While a full pass is in
   * progress, jobs and candidates not yet listed for it count the pages of their last listing.
   */
  private static Long requestsLeft(SyncResource r, ResourceProgress p, Instant fullSince) {
    boolean listable = r == SyncResource.JOBS || r == SyncResource.CANDIDATES;
    if (p != null && p.state() == SyncState.DONE) {
      boolean fullPending =
          listable
              && fullSince != null
              && !("full".equals(p.mode())
                  && p.passStartedAt() != null
                  && !p.passStartedAt().isBefore(fullSince));
      return fullPending && p.lastPage() != null ? (long) p.lastPage() : 0L;
    }
    if (r.isReference()) {
      return 1L;
    }
    boolean backfill = p == null || "backfill".equals(p.mode());
    if (r == SyncResource.APPLICATIONS && backfill) {
      return 0L;
    }
    if (p == null || !p.listsEverything()) {
      return backfill ? null : 1L;
    }
    if (p.lastPage() == null) {
      return null;
    }
    int next = p.nextPage() == null ? 1 : p.nextPage();
    return (long) Math.max(0, p.lastPage() - next + 1);
  }

  private static Instant nextFull(TenantSyncState tenant, Duration fullInterval) {
    if (tenant.backfilledAt() == null || tenant.fullPassStartedAt() != null) {
      return null;
    }
    return tenant.lastFullPassAt() == null ? null : tenant.lastFullPassAt().plus(fullInterval);
  }

  private static Long seconds(Long requests, double pace) {
    return requests == null ? null : (long) Math.ceil(requests * pace);
  }

  private static String overall(TenantSyncState tenant, List<Resource> resources) {
    if (tenant.paused()) {
      return "paused";
    }
    List<String> states = resources.stream().map(Resource::state).toList();
    if (states.contains("running")) {
      return "running";
    }
    if (states.contains("waiting")) {
      // stopped at a checkpoint for Greenhouse's rate limit or a retry: resumes_at says when
      return "waiting";
    }
    if (states.contains("failed")) {
      return "failed";
    }
    if (states.stream().allMatch("done"::equals)) {
      return "done";
    }
    return states.stream().allMatch("pending"::equals) ? "pending" : "running";
  }
}
