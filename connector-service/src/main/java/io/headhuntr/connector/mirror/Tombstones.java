package io.headhuntr.connector.mirror;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Marks a mirror row deleted, creating a bare tombstone when the row was never seen, so a late,
 * older delivery about the same id cannot bring it back.
 */
final class Tombstones {
  private Tombstones() {}

  /** True when the row was not already tombstoned. */
  static boolean mark(
      Handle handle, String table, String idColumn, UUID tenantId, long id, Instant at) {
    return handle
        .createQuery(
            "insert into "
                + table
                + " (tenant_id, "
                + idColumn
                + ", deleted_at) values (:tenant, :id, :at) on conflict (tenant_id, "
                + idColumn
                + ") do update set deleted_at = excluded.deleted_at, mirrored_at = now() where "
                + table
                + ".deleted_at is null returning 1")
        .bind("tenant", tenantId)
        .bind("id", id)
        .bind("at", at)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }
}
