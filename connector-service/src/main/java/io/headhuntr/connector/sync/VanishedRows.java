package io.headhuntr.connector.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Tombstones the reference rows a complete listing no longer returned, with the mirror's rule: a
 * tombstone ({@code deleted_at}) is never revived by a later upsert. The mirror has tombstones for
 * stages and job posts but none for users, departments, sources and pools, so this covers all six.
 */
final class VanishedRows {
  private VanishedRows() {}

  /** Marks every live row of the resource's table not in {@code seen}; returns how many. */
  static int tombstone(
      Handle h, UUID tenant, SyncResource resource, Collection<Long> seen, Instant at) {
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
    return h.createUpdate(
            "update "
                + table
                + " set deleted_at = :at, mirrored_at = now() where tenant_id = :t"
                + " and deleted_at is null and not ("
                + id
                + " = any(:seen))")
        .bind("t", tenant)
        .bind("at", at)
        .bindArray("seen", Long.class, seen)
        .execute();
  }
}
