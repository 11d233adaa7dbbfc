package io.headhuntr.connector.sync;

import java.util.Locale;

/** Where a resource's sync stands. */
public enum SyncState {
  PENDING,
  RUNNING,
  /** In progress, stopped at its checkpoint until {@code resumes_at} (rate limit, a retry). */
  WAITING,
  DONE,
  FAILED,
  PAUSED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SyncState of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
