package io.headhuntr.connector.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.Json;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code pushes} outbox: idempotent insert on {@code (tenant_id, idempotency_key)}, claims with
 * {@code FOR UPDATE SKIP LOCKED} (a stale claim is taken over), and updates that only the holder of
 * the current claim version can make.
 */
final class PushStore {
  private static final String SELECT =
      "select p.*, a.application_id as a_id, a.status as a_status, a.current_stage_id as a_stage_id,"
          + " a.current_stage_name as a_stage_name, a.deleted_at as a_deleted_at,"
          + " a.prospect_pool ->> 'name' as a_pool, a.prospect_stage ->> 'name' as a_pool_stage,"
          + " c.candidate_id as c_id, c.merged_into_id as c_merged_into, c.deleted_at as c_deleted_at"
          + " from pushes p left join mirror_application a on a.tenant_id = p.tenant_id"
          + " and a.application_id = p.application_id left join mirror_candidate c"
          + " on c.tenant_id = p.tenant_id and c.candidate_id = p.pushed_candidate_id ";

  /** A push to insert. */
  record NewPush(
      String idempotencyKey,
      String requestHash,
      UUID batchId,
      String actingUserId,
      long greenhouseUserId,
      String targetType,
      JsonNode request) {}

  /** The stored push for a key, and whether this call created it. */
  record Inserted(PushRow row, boolean created) {}

  private final Jdbi jdbi;

  private final TenantPushControls controls;

  PushStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.controls = new TenantPushControls(jdbi);
  }

  /** The tenant's push settings and pause. */
  TenantPushControls controls() {
    return controls;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /** Inserts the push unless its key exists; either way returns the stored one. */
  Inserted insert(Handle h, UUID tenantId, NewPush push) {
    int rows =
        h.createUpdate(
                "insert into pushes (tenant_id, push_id, idempotency_key, request_hash, batch_id,"
                    + " acting_user_id, greenhouse_user_id, target_type, request, status, run_at)"
                    + " values (:tenant, :id, :key, :hash, cast(:batch as uuid), :acting, :gh, :target,"
                    + " cast(:request as jsonb), 'queued', now())"
                    + " on conflict (tenant_id, idempotency_key) do nothing")
            .bind("tenant", tenantId)
            .bind("id", UUID.randomUUID())
            .bind("key", push.idempotencyKey())
            .bind("hash", push.requestHash())
            .bind("batch", push.batchId())
            .bind("acting", push.actingUserId())
            .bind("gh", push.greenhouseUserId())
            .bind("target", push.targetType())
            .bind("request", write(push.request()))
            .execute();
    PushRow row =
        h.createQuery(SELECT + "where p.tenant_id = :tenant and p.idempotency_key = :key")
            .bind("tenant", tenantId)
            .bind("key", push.idempotencyKey())
            .map((rs, ctx) -> read(rs))
            .one();
    return new Inserted(row, rows == 1);
  }

  void insertBatch(Handle h, UUID tenantId, UUID batchId, int items) {
    h.createUpdate("insert into push_batches (tenant_id, batch_id, items) values (:t, :b, :n)")
        .bind("t", tenantId)
        .bind("b", batchId)
        .bind("n", items)
        .execute();
  }

  Optional<PushRow> findByKey(UUID tenantId, String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "where p.tenant_id = :tenant and p.idempotency_key = :key")
                .bind("tenant", tenantId)
                .bind("key", key)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  Optional<PushRow> find(UUID tenantId, UUID pushId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "where p.tenant_id = :tenant and p.push_id = :id")
                .bind("tenant", tenantId)
                .bind("id", pushId)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  /** Pushes of a tenant, newest first, optionally of one status or batch, after a cursor. */
  List<PushRow> list(
      UUID tenantId,
      Optional<String> status,
      Optional<UUID> batchId,
      Optional<PushCursor> after,
      int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + "where p.tenant_id = :tenant"
                        + " and (cast(:status as text) is null or p.status = :status)"
                        + " and (cast(:batch as uuid) is null or p.batch_id = cast(:batch as uuid))"
                        + " and (cast(:at as timestamptz) is null"
                        + " or (p.created_at, p.push_id) < (cast(:at as timestamptz), cast(:id as uuid)))"
                        + " order by p.created_at desc, p.push_id desc limit :limit")
                .bind("tenant", tenantId)
                .bind("status", status.orElse(null))
                .bind("batch", batchId.orElse(null))
                .bind(
                    "at",
                    after
                        .map(c -> OffsetDateTime.ofInstant(c.createdAt(), java.time.ZoneOffset.UTC))
                        .orElse(null))
                .bind("id", after.map(PushCursor::pushId).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  /** Counts per status of one batch; empty when the batch does not exist. */
  Optional<java.util.Map<String, Integer>> batchProgress(UUID tenantId, UUID batchId) {
    return jdbi.withHandle(
        h -> {
          Optional<Integer> items =
              h.createQuery("select items from push_batches where tenant_id = :t and batch_id = :b")
                  .bind("t", tenantId)
                  .bind("b", batchId)
                  .mapTo(Integer.class)
                  .findOne();
          if (items.isEmpty()) {
            return Optional.empty();
          }
          java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
          h.createQuery(
                  "select status, count(*) as n from pushes where tenant_id = :t and batch_id = :b"
                      + " group by status")
              .bind("t", tenantId)
              .bind("b", batchId)
              .map((rs, ctx) -> counts.put(rs.getString("status"), rs.getInt("n")))
              .list();
          return Optional.of(counts);
        });
  }

  /**
   * Claims up to {@code n} due pushes of tenants that are not paused: queued ones, ones waiting for
   * a retry or a poll, and running ones whose claim went stale (a worker died). A tenant holding
   * {@code perTenant} live claims already is skipped.
   */
  List<PushRow> claim(
      String worker, int n, int perTenant, Duration stale, Optional<java.util.Set<UUID>> tenants) {
    return jdbi.inTransaction(
        h -> {
          // claims take turns (a few milliseconds each), so a tenant's live claims are counted
          // exactly and two workers never both take the last one it may hold
          h.execute("select pg_advisory_xact_lock(hashtextextended('push-claims', 0))");
          return h.createQuery(
                  "with busy as (select tenant_id from pushes r where r.status = 'running'"
                      + " and r.claimed_by is not null and r.heartbeat_at >= now() - :stale"
                      + " * interval '1 millisecond' group by tenant_id"
                      + " having count(*) >= :per_tenant),"
                      + " due as (select tenant_id, push_id from pushes q"
                      + " where q.status in ('queued', 'running') and q.run_at <= now()"
                      + " and (q.claimed_by is null or q.heartbeat_at < now() - :stale * interval"
                      + " '1 millisecond') and not exists (select 1 from push_pauses x"
                      + " where x.tenant_id = q.tenant_id)"
                      + " and q.tenant_id not in (select tenant_id from busy)"
                      + " and (not :scoped or q.tenant_id = any(:tenants))"
                      + " order by q.run_at limit :n"
                      + " for update skip locked)"
                      + " update pushes p set status = 'running', claimed_by = :me,"
                      + " heartbeat_at = now(), version = p.version + 1,"
                      + " attempts = p.attempts + 1, updated_at = now() from due"
                      + " where p.tenant_id = due.tenant_id and p.push_id = due.push_id"
                      + " returning p.*")
              .bind("me", worker)
              .bind("n", n)
              .bind("per_tenant", perTenant)
              .bind("stale", stale.toMillis())
              .bind("scoped", tenants.isPresent())
              .bindArray(
                  "tenants", UUID.class, tenants.orElse(java.util.Set.of()).toArray(new UUID[0]))
              .map((rs, ctx) -> read(rs, false))
              .list();
        });
  }

  /** Refreshes the claim's heartbeat; false when another worker took the push over. */
  boolean heartbeat(PushRow claim) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update pushes set heartbeat_at = now()"
                            + " where tenant_id = :t and push_id = :id and version = :v")
                    .bind("t", claim.tenantId())
                    .bind("id", claim.pushId())
                    .bind("v", claim.version())
                    .execute())
        == 1;
  }

  /** Notes that a write is about to be sent; false when the claim was lost. */
  boolean markWriteSent(PushRow claim) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update pushes set write_sent_at = now(), heartbeat_at = now()"
                            + " where tenant_id = :t and push_id = :id and version = :v")
                    .bind("t", claim.tenantId())
                    .bind("id", claim.pushId())
                    .bind("v", claim.version())
                    .execute())
        == 1;
  }

  /** Writes what one run of a push ended with; false when another worker holds the claim now. */
  boolean save(PushRow claim, PushProgress p) {
    return jdbi.inTransaction(h -> save(h, claim, p));
  }

  boolean save(Handle h, PushRow claim, PushProgress p) {
    boolean finished = p.status().equals("done") || p.status().equals("failed");
    return h.createUpdate(
                "update pushes set status = :status, step = :step, claimed_by = null,"
                    + " run_at = now() + :delay * interval '1 millisecond',"
                    + " attempts = case when :reset then 0 when :look then greatest(attempts - 1, 0)"
                    + " else attempts end,"
                    + " result = coalesce(:result, result),"
                    + " candidate_id = coalesce(:cand, candidate_id),"
                    + " pushed_candidate_id = coalesce(pushed_candidate_id, :cand),"
                    + " application_id = coalesce(:app, application_id),"
                    + " error = :error, field_errors = cast(:fields as jsonb),"
                    + " warnings = cast(:warnings as jsonb), calls = calls || cast(:calls as jsonb),"
                    + " write_sent_at = case when :uncertain then write_sent_at else null end,"
                    + " finished_at = case when :finished then now() else null end,"
                    + " decides_at = :decides,"
                    + " updated_at = now() where tenant_id = :t and push_id = :id and version = :v")
            .bind("status", p.status())
            .bind("step", p.step())
            .bind("delay", p.delay().toMillis())
            .bind("reset", p.resetAttempts())
            .bind("look", p.lookOnly())
            .bind("result", p.result())
            .bind("cand", p.candidateId())
            .bind("app", p.applicationId())
            .bind("error", p.error())
            .bind("fields", write(p.fieldErrors()))
            .bind("warnings", write(p.warnings()))
            .bind("calls", write(p.calls()))
            .bind("uncertain", p.writeUncertain())
            .bind("finished", finished)
            .bind(
                "decides",
                p.decidesAt() == null
                    ? null
                    : java.time.OffsetDateTime.ofInstant(p.decidesAt(), java.time.ZoneOffset.UTC))
            .bind("t", claim.tenantId())
            .bind("id", claim.pushId())
            .bind("v", claim.version())
            .execute()
        == 1;
  }

  private static PushRow read(ResultSet rs) throws SQLException {
    return read(rs, true);
  }

  private static PushRow read(ResultSet rs, boolean joined) throws SQLException {
    PushRow.MirrorState mirror =
        joined
            ? new PushRow.MirrorState(
                rs.getString("a_status"),
                longOrNull(rs, "a_stage_id"),
                rs.getString("a_stage_name"),
                instant(rs, "a_deleted_at"),
                longOrNull(rs, "c_merged_into"),
                instant(rs, "c_deleted_at"),
                longOrNull(rs, "a_id") != null,
                longOrNull(rs, "c_id") != null,
                rs.getString("a_pool"),
                rs.getString("a_pool_stage"))
            : new PushRow.MirrorState(null, null, null, null, null, null, false, false, null, null);
    return new PushRow(
        rs.getObject("tenant_id", UUID.class),
        rs.getObject("push_id", UUID.class),
        rs.getString("idempotency_key"),
        rs.getString("request_hash"),
        rs.getObject("batch_id", UUID.class),
        rs.getString("acting_user_id"),
        rs.getLong("greenhouse_user_id"),
        rs.getString("target_type"),
        parse(rs.getString("request")),
        rs.getString("status"),
        rs.getString("step"),
        rs.getInt("attempts"),
        rs.getInt("version"),
        instant(rs, "write_sent_at"),
        rs.getString("result"),
        longOrNull(rs, "candidate_id"),
        longOrNull(rs, "pushed_candidate_id"),
        longOrNull(rs, "application_id"),
        rs.getString("error"),
        parse(rs.getString("field_errors")),
        parse(rs.getString("warnings")),
        parse(rs.getString("calls")),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "finished_at"),
        instant(rs, "decides_at"),
        mirror);
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static String write(JsonNode node) {
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return text == null ? null : Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
