package io.headhuntr.connector.sync;

import java.time.Instant;

/**
 * A tenant's sync as a whole: paused (and why), when its backfill completed, and its full
 * reconciliation: the one in progress (its start), whether one was asked for, the start of the last
 * complete one and how many records it tombstoned.
 */
record TenantSyncState(
    String pausedReason,
    Instant pausedAt,
    Instant backfilledAt,
    Instant fullPassStartedAt,
    boolean fullPassRequested,
    Instant lastFullPassAt,
    Integer lastFullPassDeleted) {

  static TenantSyncState none() {
    return new TenantSyncState(null, null, null, null, false, null, null);
  }

  boolean paused() {
    return pausedReason != null;
  }
}
