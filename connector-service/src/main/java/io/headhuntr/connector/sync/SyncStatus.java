package io.headhuntr.connector.sync;

import io.headhuntr.harvest.RateLimitStatus;
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
 * pause reason, and per resource its state, records seen, pages, last checkpoint, last error and an
 * estimate of the time left from the rate limit ({@code null} when the number of pages left is
 * unknown: Greenhouse does not count records with {@code skip_count=true}).
 */
public record SyncStatus(
    UUID tenantId,
    String state,
    String pausedReason,
    Instant pausedAt,
    Instant backfilledAt,
    Integer rateLimit,
    Integer rateRemaining,
    double secondsPerRequest,
    Long estimatedSecondsLeft,
    List<Resource> resources) {

  /** Greenhouse's documented default: 50 calls per 10 seconds. */
  static final int DEFAULT_LIMIT = 50;

  static final Duration WINDOW = Duration.ofSeconds(10);

  /** One resource's line of the status. */
  public record Resource(
      String resource,
      String state,
      String mode,
      long recordsSeen,
      int pages,
      int requests,
      Integer nextPage,
      Instant watermark,
      Instant lastCheckpoint,
      Instant completedThrough,
      String lastError,
      Long estimatedSecondsLeft) {}

  static SyncStatus of(
      UUID tenant,
      TenantSyncState tenantState,
      List<ResourceProgress> rows,
      Optional<RateLimitStatus> rate,
      SyncConfig config) {
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
      Long left = requestsLeft(r, p);
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
                  seconds(left, pace))
              : new Resource(
                  r.key(),
                  p.state().key(),
                  p.mode(),
                  p.recordsSeen(),
                  p.pages(),
                  p.requests(),
                  p.nextPage(),
                  p.watermark(),
                  p.lastCheckpointAt(),
                  p.completedThrough(),
                  p.lastError(),
                  seconds(left, pace)));
    }
    return new SyncStatus(
        tenant,
        overall(tenantState, resources),
        tenantState.pausedReason(),
        tenantState.pausedAt(),
        tenantState.backfilledAt(),
        limit,
        remaining,
        pace,
        known ? seconds(total, pace) : null,
        List.copyOf(resources));
  }

  /**
   * Requests still needed by the current or next pass: none when done, one per reference list, one
   * for an incremental page; unknown for a candidate or job backfill in progress.
   */
  private static Long requestsLeft(SyncResource r, ResourceProgress p) {
    if (p != null && p.state() == SyncState.DONE) {
      return 0L;
    }
    if (r.isReference()) {
      return 1L;
    }
    boolean backfill = p == null || "backfill".equals(p.mode());
    if (r == SyncResource.APPLICATIONS && backfill) {
      return 0L;
    }
    return backfill ? null : 1L;
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
    if (states.contains("failed")) {
      return "failed";
    }
    if (states.stream().allMatch("done"::equals)) {
      return "done";
    }
    return states.stream().allMatch("pending"::equals) ? "pending" : "running";
  }
}
