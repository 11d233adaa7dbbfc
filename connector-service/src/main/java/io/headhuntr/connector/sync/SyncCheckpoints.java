package io.headhuntr.connector.sync;

import io.headhuntr.connector.greenhouse.ResumeToken;
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
   * page). A new pass filters from the last complete pass's start minus {@code overlap}; with
   * {@code fullSince} (a full reconciliation in progress since then) a resource that has not listed
   * everything since that time starts a full pass instead (no filter, ids recorded as seen).
   */
  ResourceProgress begin(
      UUID tenant, SyncResource resource, Instant now, Duration overlap, Instant fullSince) {
    return jdbi.inTransaction(
        h -> {
          ResourceProgress current = load(h, tenant, resource).orElseThrow();
          if (current.inProgress()) {
            h.createUpdate(
                    "update sync_resource set state = 'running', resumes_at = null,"
                        + " updated_at = now()"
                        + " where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource.key())
                .execute();
          } else {
            boolean backfill = current.completedThrough() == null;
            boolean full =
                !backfill
                    && fullSince != null
                    && !("full".equals(current.mode())
                        && current.passStartedAt() != null
                        && !current.passStartedAt().isBefore(fullSince));
            Instant watermark =
                backfill || full || resource.isReference()
                    ? null
                    : current.completedThrough().minus(overlap);
            h.createUpdate(
                    "update sync_resource set state = 'running', mode = :mode, watermark = :w,"
                        + " pass_started_at = :now, next_page = 1, resume_token = null,"
                        + " records_seen = 0, pages = 0,"
                        + " requests = 0, last_error = null, finished_at = null, resumes_at = null,"
                        // a reference list that waits after a failure starts over, its failures
                        // kept
                        + " failures = case when state = 'waiting' then failures else 0 end,"
                        + " updated_at = now()"
                        + " where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource.key())
                .bind("mode", backfill ? "backfill" : full ? "full" : "incremental")
                .bind("w", watermark)
                .bind("now", now)
                .execute();
          }
          return load(h, tenant, resource).orElseThrow();
        });
  }

  /**
   * Moves the checkpoint past one committed page, inside the page's transaction, and keeps the
   * list's last page number when Greenhouse counted it on this page.
   */
  void pageCommitted(
      Handle h,
      UUID tenant,
      SyncResource resource,
      int records,
      Instant now,
      Integer lastPage,
      Optional<ResumeToken> next) {
    h.createUpdate(
            "update sync_resource set next_page = next_page + 1, pages = pages + 1,"
                + " resume_token = :token,"
                + " records_seen = records_seen + :n, requests = requests + 1,"
                + " last_page = coalesce(:last, last_page),"
                + " last_checkpoint_at = :now, failures = 0, resumes_at = null, updated_at = now()"
                + " where tenant_id = :t and resource = :r")
        .bind("t", tenant)
        .bind("r", resource.key())
        .bind("n", records)
        .bind("now", now)
        .bind("last", lastPage)
        .bind("token", next.map(ResumeToken::value).orElse(null))
        .execute();
  }

  /**
   * Where the resource's interrupted listing continues, as the adapter's token; empty when the
   * listing starts from its watermark.
   */
  Optional<ResumeToken> resumeToken(UUID tenant, SyncResource resource) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select resume_token from sync_resource where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource.key())
                .mapTo(String.class)
                .findOne()
                .filter(token -> !token.isBlank())
                .map(ResumeToken::new));
  }

  /**
   * The listing refused its resume token: it starts again from its first page, and counts its
   * records and pages again (requests made so far stay counted).
   */
  void restartListing(Handle h, UUID tenant, SyncResource resource) {
    h.createUpdate(
            "update sync_resource set next_page = 1, resume_token = null, records_seen = 0,"
                + " pages = 0, updated_at = now()"
                + " where tenant_id = :t and resource = :r")
        .bind("t", tenant)
        .bind("r", resource.key())
        .execute();
  }

  /** Closes the pass: everything changed before its start is now mirrored. */
  void finish(Handle h, UUID tenant, SyncResource resource, int extraRequests, Instant now) {
    h.createUpdate(
            "update sync_resource set state = 'done', completed_through = pass_started_at,"
                + " next_page = null, resume_token = null, requests = requests + :extra,"
                + " finished_at = :now,"
                + " last_checkpoint_at = :now, last_error = null, failures = 0, resumes_at = null,"
                + " updated_at = now()"
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
                    "update sync_resource set state = :s, last_error = :e, resumes_at = null,"
                        + " updated_at = now()"
                        + " where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource.key())
                .bind("s", state.key())
                .bind("e", error)
                .execute());
  }

  /**
   * The resource stops at its checkpoint until {@code at}: Greenhouse's rate limit ({@code error}
   * null), or a retry after a failed page ({@code error} says what failed; the failure is counted).
   */
  void waitUntil(UUID tenant, SyncResource resource, Instant at, String error) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update sync_resource set state = 'waiting', resumes_at = :at, last_error = :e,"
                        + " failures = failures + case when :e is null then 0 else 1 end,"
                        + " updated_at = now() where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource.key())
                .bind("at", at)
                .bind("e", error)
                .execute());
  }

  /** The failed attempts at the resource's next page in a row. */
  int failures(UUID tenant, SyncResource resource) {
    return jdbi.withHandle(
        h -> load(h, tenant, resource).map(ResourceProgress::failures).orElse(0));
  }

  /** The pass a run belongs to: when it started, and whether this run continues it after a wait. */
  record PassStart(Instant at, boolean continuing) {}

  /**
   * The tenant's pass: the one that stopped to wait (its continuation skips what it finished), else
   * a new one starting {@code now}, recorded as the pass in progress.
   */
  PassStart passStart(UUID tenant, Instant now) {
    return jdbi.inTransaction(
        h -> {
          Optional<Instant> waiting =
              h.createQuery(
                      "select pass_started_at from sync_tenant where tenant_id = :t for update")
                  .bind("t", tenant)
                  .mapTo(Instant.class)
                  .findOne();
          if (waiting.isPresent()) {
            return new PassStart(waiting.get(), true);
          }
          h.createUpdate(
                  "update sync_tenant set pass_started_at = :now, updated_at = now()"
                      + " where tenant_id = :t")
              .bind("t", tenant)
              .bind("now", now)
              .execute();
          return new PassStart(now, false);
        });
  }

  /** The pass in progress ended (completed, failed or paused): the next one starts afresh. */
  void passOver(UUID tenant) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update sync_tenant set pass_started_at = null, updated_at = now()"
                        + " where tenant_id = :t")
                .bind("t", tenant)
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
    return jdbi.withHandle(h -> tenant(h, tenant));
  }

  private static Optional<TenantSyncState> tenant(Handle h, UUID tenant) {
    return h.createQuery("select * from sync_tenant where tenant_id = :t")
        .bind("t", tenant)
        .map(
            (rs, ctx) -> {
              Integer deleted = integer(rs, "last_full_pass_deleted");
              return new TenantSyncState(
                  rs.getString("paused_reason"),
                  instant(rs, "paused_at"),
                  instant(rs, "backfilled_at"),
                  instant(rs, "full_pass_started_at"),
                  rs.getBoolean("full_pass_requested"),
                  instant(rs, "last_full_pass_at"),
                  deleted);
            })
        .findOne();
  }

  /** Asks for a full reconciliation at the tenant's next pass. */
  void requestFull(UUID tenant) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update sync_tenant set full_pass_requested = true, updated_at = now()"
                        + " where tenant_id = :t")
                .bind("t", tenant)
                .execute());
  }

  /**
   * The start of the tenant's full reconciliation: the one in progress, or a new one (its seen set
   * emptied) when one was asked for or the last is {@code interval} old; empty before the backfill
   * completed and when none is due.
   */
  Optional<Instant> fullPassSince(UUID tenant, Instant now, Duration interval) {
    return jdbi.inTransaction(
        h -> {
          TenantSyncState state = tenant(h, tenant).orElse(TenantSyncState.none());
          if (state.fullPassStartedAt() != null) {
            return Optional.of(state.fullPassStartedAt());
          }
          boolean due =
              state.fullPassRequested()
                  || state.lastFullPassAt() == null
                  || !state.lastFullPassAt().plus(interval).isAfter(now);
          if (state.backfilledAt() == null || !due) {
            return Optional.empty();
          }
          h.createUpdate("delete from sync_seen where tenant_id = :t").bind("t", tenant).execute();
          h.createUpdate(
                  "update sync_tenant set full_pass_started_at = :now, full_pass_requested = false,"
                      + " updated_at = now() where tenant_id = :t")
              .bind("t", tenant)
              .bind("now", now)
              .execute();
          return Optional.of(now);
        });
  }

  /** Closes the full reconciliation that started at {@code since}; its seen set goes. */
  void finishFull(Handle h, UUID tenant, Instant since, int deleted) {
    h.createUpdate(
            "update sync_tenant set full_pass_started_at = null, last_full_pass_at = :since,"
                + " last_full_pass_deleted = :deleted, updated_at = now() where tenant_id = :t")
        .bind("t", tenant)
        .bind("since", since)
        .bind("deleted", deleted)
        .execute();
    h.createUpdate("delete from sync_seen where tenant_id = :t").bind("t", tenant).execute();
  }

  /** Records the ids a full pass's page listed, inside the page's transaction. */
  void seen(Handle h, UUID tenant, List<PreparedPage.SeenIds> seen) {
    for (PreparedPage.SeenIds ids : seen) {
      if (ids.ids().length == 0) {
        continue;
      }
      h.createUpdate(
              "insert into sync_seen (tenant_id, kind, id) select :t, :kind, unnest(:ids)"
                  + " on conflict do nothing")
          .bind("t", tenant)
          .bind("kind", ids.kind())
          .bind("ids", ids.ids())
          .execute();
    }
  }

  void markBackfilled(UUID tenant, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update sync_tenant set backfilled_at = coalesce(backfilled_at, :now),"
                        + " last_full_pass_at = coalesce(last_full_pass_at, :now),"
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
        instant(rs, "finished_at"),
        integer(rs, "last_page"),
        instant(rs, "resumes_at"),
        rs.getInt("failures"));
  }

  private static Integer integer(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
