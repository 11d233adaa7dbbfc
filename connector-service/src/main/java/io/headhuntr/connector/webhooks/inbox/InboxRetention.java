package io.headhuntr.connector.webhooks.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * Forgets webhook bodies once they are no longer needed: a delivery applied (or ignored) longer ago
 * than the retention is deleted, body and all. Parked deliveries wait for a person and are kept;
 * deliveries not yet applied are kept. Deletes in small batches, so no statement holds locks for
 * long.
 */
public final class InboxRetention {
  private static final int BATCH = 5_000;
  private final Jdbi jdbi;

  public InboxRetention(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Deletes the deliveries finished before {@code before}; returns how many. */
  public int purgeFinishedBefore(Instant before) {
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "delete from webhook_inbox where ctid = any(array(select ctid from"
                              + " webhook_inbox where state in ('done', 'ignored') and finished_at"
                              + " < :before limit :batch))")
                      .bind("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                      .bind("batch", BATCH)
                      .execute());
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}
