package io.headhuntr.connector.webhooks.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the inbox queue: claim, finish, retry, park, heartbeat and revive. */
final class InboxClaims {
  /**
   * A claimed row: what to apply and the version that proves the claim is still ours; {@code
   * rawBody} is null for a body over {@link #INLINE_BODY_BYTES} (see {@link #body}).
   */
  record Claimed(
      UUID tenantId,
      long inboxId,
      String action,
      byte[] rawBody,
      Instant receivedAt,
      int attempts,
      int version) {}

  /** Bodies up to this size come with the claim; larger ones are read when applied. */
  static final int INLINE_BODY_BYTES = 256 * 1024;

  private final Jdbi jdbi;
  private final String workerId;

  InboxClaims(Jdbi jdbi, String workerId) {
    this.jdbi = jdbi;
    this.workerId = workerId;
  }

  List<Claimed> claim(int limit, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    // a join on the key (not "in (...)") so the update reaches rows by index
                    "update webhook_inbox w set state = 'running', claimed_by = :me,"
                        + " heartbeat_at = :now, attempts = w.attempts + 1, version = w.version + 1"
                        + " from (select tenant_id, inbox_id from webhook_inbox"
                        + " where state = 'ready' and run_at <= :now"
                        + " order by run_at limit :limit for update skip locked) c"
                        + " where w.tenant_id = c.tenant_id and w.inbox_id = c.inbox_id"
                        // large bodies stay behind and are read one at a time when applied
                        + " returning w.tenant_id, w.inbox_id, w.action, case when"
                        + " octet_length(w.raw_body) <= :inline then w.raw_body end as raw_body,"
                        + " w.received_at,"
                        + " w.attempts, w.version")
                .bind("me", workerId)
                .bind("now", now)
                .bind("limit", limit)
                .bind("inline", INLINE_BODY_BYTES)
                .map(
                    (rs, ctx) ->
                        new Claimed(
                            rs.getObject("tenant_id", UUID.class),
                            rs.getLong("inbox_id"),
                            rs.getString("action"),
                            rs.getBytes("raw_body"),
                            rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                            rs.getInt("attempts"),
                            rs.getInt("version")))
                .list());
  }

  /** The row's body, from the claim or, when it was too large to carry along, from the table. */
  byte[] body(Handle h, Claimed row) {
    if (row.rawBody() != null) {
      return row.rawBody();
    }
    return h.createQuery(
            "select raw_body from webhook_inbox where tenant_id = :tenant and inbox_id = :id")
        .bind("tenant", row.tenantId())
        .bind("id", row.inboxId())
        .mapTo(byte[].class)
        .one();
  }

  /**
   * Marks the rows done inside the applying transaction, in one statement; false when any row's
   * claim is no longer ours (the caller rolls back).
   */
  boolean markAllDone(Handle h, List<Claimed> rows, List<String> outcomes, Instant now) {
    UUID[] tenants = new UUID[rows.size()];
    Long[] ids = new Long[rows.size()];
    Integer[] versions = new Integer[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      tenants[i] = rows.get(i).tenantId();
      ids[i] = rows.get(i).inboxId();
      versions[i] = rows.get(i).version();
    }
    return h.createUpdate(
                "update webhook_inbox w set state = 'done', outcome = d.outcome,"
                    + " finished_at = :now, claimed_by = null, last_error = null"
                    + " from unnest(cast(:tenants as uuid[]), cast(:ids as bigint[]),"
                    + " cast(:versions as int[]), cast(:outcomes as text[]))"
                    + " as d(tenant_id, inbox_id, version, outcome)"
                    + " where w.tenant_id = d.tenant_id and w.inbox_id = d.inbox_id"
                    + " and w.version = d.version and w.state = 'running'")
            .bind("now", now)
            .bindArray("tenants", UUID.class, (Object[]) tenants)
            .bindArray("ids", Long.class, (Object[]) ids)
            .bindArray("versions", Integer.class, (Object[]) versions)
            .bindArray("outcomes", String.class, outcomes)
            .execute()
        == rows.size();
  }

  void retryLater(Claimed row, String error, Instant runAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update webhook_inbox set state = 'ready', run_at = :runAt, last_error = :error,"
                        + " claimed_by = null where tenant_id = :tenant and inbox_id = :id"
                        + " and version = :version and state = 'running'")
                .bind("runAt", runAt)
                .bind("error", error)
                .bind("tenant", row.tenantId())
                .bind("id", row.inboxId())
                .bind("version", row.version())
                .execute());
  }

  void park(Claimed row, String reason, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update webhook_inbox set state = 'parked', park_reason = :reason,"
                        + " last_error = coalesce(last_error, :reason), finished_at = :now,"
                        + " claimed_by = null where tenant_id = :tenant and inbox_id = :id"
                        + " and version = :version and state = 'running'")
                .bind("reason", reason)
                .bind("now", now)
                .bind("tenant", row.tenantId())
                .bind("id", row.inboxId())
                .bind("version", row.version())
                .execute());
  }

  void heartbeat(Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    // rows locked by this worker's own open transaction are being finished:
                    // skip them rather than wait (and risk a deadlock with that transaction)
                    "update webhook_inbox set heartbeat_at = :now where (tenant_id, inbox_id) in"
                        + " (select tenant_id, inbox_id from webhook_inbox where state = 'running'"
                        + " and claimed_by = :me for update skip locked)")
                .bind("now", now)
                .bind("me", workerId)
                .execute());
  }

  /**
   * Puts rows back to ready whose holder has not heartbeaten since {@code cutoff} (parked when they
   * have used up their attempts); bumping the version voids the old claim.
   */
  int reviveStale(Instant cutoff, Instant now, int maxAttempts) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "update webhook_inbox set"
                        + " state = case when attempts >= :max then 'parked' else 'ready' end,"
                        + " park_reason = case when attempts >= :max then"
                        + " 'gave up: the worker stopped responding ' || attempts || ' times'"
                        + " else park_reason end,"
                        + " last_error = 'claim abandoned by ' || coalesce(claimed_by, '?'),"
                        + " claimed_by = null, run_at = :now, version = version + 1"
                        + " where (tenant_id, inbox_id) in (select tenant_id, inbox_id"
                        + " from webhook_inbox where state = 'running' and heartbeat_at < :cutoff"
                        + " for update skip locked)")
                .bind("max", maxAttempts)
                .bind("now", now)
                .bind("cutoff", cutoff)
                .execute());
  }
}
