package io.headhuntr.connector.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The sync's bookkeeping ({@code sync_resource}, {@code sync_tenant}): checkpoints, progress and
 * the pause of a tenant whose credential stopped working. Page commits take the caller's handle so
 * the mirror rows and the checkpoint land in one transaction.
 */
final class SyncCheckpoints {
  private final Jdbi jdbi;

  SyncCheckpoints(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Creates the tenant's rows (every resource pending) unless they exist. */
  void prepare(UUID tenant) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "insert into sync_tenant (tenant_id) values (:t) on conflict (tenant_id) do"
                      + " nothing")
              .bind("t", tenant)
              .execute();
          for (SyncResource r : SyncResource.values()) {
            h.createUpdate(
                    "insert into sync_resource (tenant_id, resource, state) values (:t, :r,"
                        + " 'pending') on conflict (tenant_id, resource) do nothing")
                .bind("t", tenant)
                .bind("r", r.key())
                .execute();
          }
        });
  }

  /**
   * Starts a pass over {@code resource} or resumes the one in progress (same watermark, same next
   * page). A new pass filters from the last complete pass's start minus {@code overlap}.
   */
  ResourceProgress begin(UUID tenant, SyncResource resource, Instant now, Duration overlap) {
    return jdbi.inTransaction(
        h -> {
          ResourceProgress current = load(h, tenant, resource).orElseThrow();
          if (current.inProgress()) {
            h.createUpdate(
                    "update sync_resource set state = 'running', updated_at = now()"
                        + " where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource.key())
                .execute();
          } else {
            Instant watermark =
                current.completedThrough() == null || resource.isReference()
                    ? null
                    : current.completedThrough().minus(overlap);
            h.createUpdate(
                    "update sync_resource set state = 'running', mode = :mode, watermark = :w,"
                        + " pass_started_at = :now, next_page = 1, records_seen = 0, pages = 0,"
                        + " requests = 0, last_error = null, finished_at = null, updated_at = now()"
                        + " where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource.key())
                .bind("mode", current.completedThrough() == null ? "backfill" : "incremental")
                .bind("w", watermark)
                .bind("now", now)
                .execute();
          }
          return load(h, tenant, resource).orElseThrow();
        });
  }

  /** Moves the checkpoint past one committed page, inside the page's transaction. */
  void pageCommitted(Handle h, UUID tenant, SyncResource resource, int records, Instant now) {
    h.createUpdate(
            "update sync_resource set next_page = next_page + 1, pages = pages + 1,"
                + " records_seen = records_seen + :n, requests = requests + 1,"
                + " last_checkpoint_at = :now, updated_at = now()"
                + " where tenant_id = :t and resource = :r")
        .bind("t", tenant)
        .bind("r", resource.key())
        .bind("n", records)
        .bind("now", now)
        .execute();
  }

  /** Closes the pass: everything changed before its start is now mirrored. */
  void finish(Handle h, UUID tenant, SyncResource resource, int extraRequests, Instant now) {
    h.createUpdate(
            "update sync_resource set state = 'done', completed_through = pass_started_at,"
                + " next_page = null, requests = requests + :extra, finished_at = :now,"
                + " last_checkpoint_at = :now, last_error = null, updated_at = now()"
                + " where tenant_id = :t and resource = :r")
        .bind("t", tenant)
        .bind("r", resource.key())
        .bind("extra", extraRequests)
        .bind("now", now)
        .execute();
  }

  /** Records a failure (or a pause); the pass in progress keeps its checkpoint for the next try. */
  void stop(UUID tenant, SyncResource resource, SyncState state, String error) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update sync_resource set state = :s, last_error = :e, updated_at = now()"
                        + " where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource.key())
                .bind("s", state.key())
                .bind("e", error)
                .execute());
  }

  List<ResourceProgress> all(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery("select * from sync_resource where tenant_id = :t")
                .bind("t", tenant)
                .map((rs, ctx) -> read(rs))
                .list()
                .stream()
                .sorted((a, b) -> a.resource().compareTo(b.resource()))
                .toList());
  }

  Optional<ResourceProgress> load(Handle h, UUID tenant, SyncResource resource) {
    return h.createQuery("select * from sync_resource where tenant_id = :t and resource = :r")
        .bind("t", tenant)
        .bind("r", resource.key())
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  void pause(UUID tenant, String reason, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update sync_tenant set paused_reason = :reason, paused_at = :now,"
                        + " updated_at = now() where tenant_id = :t")
                .bind("t", tenant)
                .bind("reason", reason)
                .bind("now", now)
                .execute());
  }

  /** Lifts the pause; resources left paused go back to pending (their checkpoints stay). */
  void resume(UUID tenant) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "update sync_tenant set paused_reason = null, paused_at = null,"
                      + " updated_at = now() where tenant_id = :t")
              .bind("t", tenant)
              .execute();
          h.createUpdate(
                  "update sync_resource set state = 'pending', updated_at = now()"
                      + " where tenant_id = :t and state = 'paused'")
              .bind("t", tenant)
              .execute();
        });
  }

  Optional<TenantSyncState> tenant(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select paused_reason, paused_at, backfilled_at from sync_tenant"
                        + " where tenant_id = :t")
                .bind("t", tenant)
                .map(
                    (rs, ctx) ->
                        new TenantSyncState(
                            rs.getString("paused_reason"),
                            instant(rs, "paused_at"),
                            instant(rs, "backfilled_at")))
                .findOne());
  }

  void markBackfilled(UUID tenant, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update sync_tenant set backfilled_at = coalesce(backfilled_at, :now),"
                        + " updated_at = now() where tenant_id = :t")
                .bind("t", tenant)
                .bind("now", now)
                .execute());
  }

  private static ResourceProgress read(java.sql.ResultSet rs) throws java.sql.SQLException {
    int nextPage = rs.getInt("next_page");
    boolean noPage = rs.wasNull();
    return new ResourceProgress(
        SyncResource.of(rs.getString("resource")),
        SyncState.of(rs.getString("state")),
        rs.getString("mode"),
        instant(rs, "watermark"),
        instant(rs, "pass_started_at"),
        noPage ? null : nextPage,
        instant(rs, "completed_through"),
        rs.getLong("records_seen"),
        rs.getInt("pages"),
        rs.getInt("requests"),
        instant(rs, "last_checkpoint_at"),
        rs.getString("last_error"),
        instant(rs, "finished_at"));
  }

  private static Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
