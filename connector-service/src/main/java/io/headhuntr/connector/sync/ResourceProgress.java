package io.headhuntr.connector.sync;

import java.time.Instant;

/**
 * The checkpoint and progress of one resource of a tenant's sync. {@code nextPage} is set while a
 * pass is in progress (the page a restart fetches next); {@code watermark} is the {@code
 * updated_after} (applications: {@code last_activity_after}) of that pass, NULL for a backfill or a
 * full pass; {@code lastPage} the list's last page as Greenhouse counted it on the first page a
 * backfill or full pass requested (NULL when unknown); {@code resumesAt} when a waiting listing
 * continues, {@code failures} the failed attempts at its next page in a row.
 */
public record ResourceProgress(
    SyncResource resource,
    SyncState state,
    String mode,
    Instant watermark,
    Instant passStartedAt,
    Integer nextPage,
    Instant completedThrough,
    long recordsSeen,
    int pages,
    int requests,
    Instant lastCheckpointAt,
    String lastError,
    Instant finishedAt,
    Integer lastPage,
    Instant resumesAt,
    int failures) {

  /** True while a pass over this resource has started and not finished (resume at nextPage). */
  public boolean inProgress() {
    return nextPage != null;
  }

  /** True for a pass that lists everything: the backfill or a full reconciliation. */
  public boolean listsEverything() {
    return !"incremental".equals(mode);
  }
}
