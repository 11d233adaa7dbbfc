package io.headhuntr.connector.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the reference tables in step with a complete listing: rows the listing no longer returned
 * are tombstoned ({@code deleted_at}) unless written after the listing started (a webhook brought
 * them while it was read), and a tombstoned row the listing returns again comes back. The mirror
 * has tombstones for stages and job posts but none for users, departments, sources and pools, so
 * this covers all six.
 */
final class VanishedRows {
  private VanishedRows() {}

  /**
   * Marks every live row of the resource's table not in {@code seen} and last written before {@code
   * listingStarted}; returns how many.
   */
  static int tombstone(
      Handle h,
      UUID tenant,
      SyncResource resource,
      Collection<Long> seen,
      Instant at,
      Instant listingStarted) {
    Table t = table(resource);
    return h.createUpdate(
            "update "
                + t.name()
                + " set deleted_at = :at, mirrored_at = now() where tenant_id = :t"
                + " and deleted_at is null and mirrored_at < :started and not ("
                + t.id()
                + " = any(:seen))")
        .bind("t", tenant)
        .bind("at", at)
        .bind("started", listingStarted)
        .bindArray("seen", Long.class, seen)
        .execute();
  }

  /**
   * Lifts the tombstone of every row in {@code seen} tombstoned before {@code listingStarted}: the
   * listing shows it exists; returns how many.
   */
  static int revive(
      Handle h, UUID tenant, SyncResource resource, Collection<Long> seen, Instant listingStarted) {
    Table t = table(resource);
    return h.createUpdate(
            "update "
                + t.name()
                + " set deleted_at = null, mirrored_at = now() where tenant_id = :t"
                + " and deleted_at < :started and "
                + t.id()
                + " = any(:seen)")
        .bind("t", tenant)
        .bind("started", listingStarted)
        .bindArray("seen", Long.class, seen)
        .execute();
  }

  private record Table(String name, String id) {}

  private static Table table(SyncResource resource) {
    String table;
    String id;
    switch (resource) {
      case USERS -> {
        table = "mirror_user";
        id = "user_id";
      }
      case DEPARTMENTS -> {
        table = "mirror_department";
        id = "department_id";
      }
      case SOURCES -> {
        table = "mirror_source";
        id = "source_id";
      }
      case PROSPECT_POOLS -> {
        table = "mirror_prospect_pool";
        id = "pool_id";
      }
      case JOB_STAGES -> {
        table = "mirror_job_stage";
        id = "stage_id";
      }
      case JOB_POSTS -> {
        table = "mirror_job_post";
        id = "job_post_id";
      }
      default -> throw new IllegalArgumentException(resource + " is not reference data");
    }
    return new Table(table, id);
  }
}
