package io.headhuntr.connector.sync;

import java.util.List;

/**
 * What the sync mirrors, in the order a pass runs: reference data first (refreshed whole, vanished
 * rows tombstoned), then jobs, candidates (with their embedded applications) and applications
 * (paged, incremental after the backfill).
 */
public enum SyncResource {
  USERS("users", true),
  DEPARTMENTS("departments", true),
  SOURCES("sources", true),
  PROSPECT_POOLS("prospect_pools", true),
  JOB_STAGES("job_stages", true),
  JOB_POSTS("job_posts", true),
  JOBS("jobs", false),
  CANDIDATES("candidates", false),
  APPLICATIONS("applications", false);

  private final String key;
  private final boolean reference;

  SyncResource(String key, boolean reference) {
    this.key = key;
    this.reference = reference;
  }

  /** The name in the API and the database ({@code job_posts}). */
  public String key() {
    return key;
  }

  /** True for reference data: fetched whole on every pass, vanished rows tombstoned. */
  public boolean isReference() {
    return reference;
  }

  public static SyncResource of(String key) {
    for (SyncResource r : values()) {
      if (r.key.equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown sync resource " + key);
  }

  public static List<SyncResource> inOrder() {
    return List.of(values());
  }
}
