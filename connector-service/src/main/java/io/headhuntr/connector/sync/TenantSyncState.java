package io.headhuntr.connector.sync;

import java.time.Instant;

/** A tenant's sync as a whole: paused (and why), and when its backfill completed. */
record TenantSyncState(String pausedReason, Instant pausedAt, Instant backfilledAt) {
  boolean paused() {
    return pausedReason != null;
  }
}
