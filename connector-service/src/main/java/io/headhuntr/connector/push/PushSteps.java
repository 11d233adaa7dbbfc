package io.headhuntr.connector.push;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code push_steps} table: each write of a push is noted as sent (committed before the request
 * goes out) and as done (once an answer or a read-back shows it applied). A step sent and not done
 * may have applied; the next run reads Greenhouse back before sending it again. Rule for callers:
 * {@link #sent} before every write, and never send when it returns false (the claim was lost).
 */
final class PushSteps {
  /** The step that makes the person exist: the create, or the application on a person found. */
  static final String PERSON = "person";

  /**
   * The prospect application of a person the push created without it, where the API makes a new
   * prospect in two calls (the person, then this).
   */
  static final String APPLICATION = "application";

  /** One recorded step. */
  record Step(
      String name,
      Instant sentAt,
      Instant doneAt,
      int sends,
      String confirmedBy,
      Long candidateId,
      Long applicationId,
      String result) {

    boolean done() {
      return doneAt != null;
    }

    /** Sent and not known to have applied: it may have. */
    boolean ambiguous() {
      return doneAt == null;
    }
  }

  private final Jdbi jdbi;

  PushSteps(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The push's recorded steps by name. */
  Map<String, Step> load(PushRow push) {
    return jdbi.withHandle(
        h -> {
          Map<String, Step> steps = new TreeMap<>();
          h.createQuery("select * from push_steps where tenant_id = :t and push_id = :id")
              .bind("t", push.tenantId())
              .bind("id", push.pushId())
              .map((rs, ctx) -> read(rs))
              .forEach(s -> steps.put(s.name(), s));
          return steps;
        });
  }

  /**
   * Notes, in one statement, that {@code step} is about to be sent to {@code candidateId} (and the
   * push's {@code write_sent_at}); false when another worker holds the claim now.
   */
  boolean sent(PushRow claim, String step, Long candidateId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "with held as (update pushes set write_sent_at = now(), heartbeat_at = now()"
                        + " where tenant_id = :t and push_id = :id and version = :v"
                        + " returning tenant_id, push_id)"
                        + " insert into push_steps (tenant_id, push_id, step, sent_at,"
                        + " candidate_id) select tenant_id, push_id, :step, now(), :cand from held"
                        + " on conflict (tenant_id, push_id, step) do update set sent_at = now(),"
                        + " done_at = null, confirmed_by = null, sends = push_steps.sends + 1,"
                        + " candidate_id = excluded.candidate_id returning 1")
                .bind("t", claim.tenantId())
                .bind("id", claim.pushId())
                .bind("v", claim.version())
                .bind("step", step)
                .bind("cand", candidateId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  /**
   * Notes that {@code step} applied (or was refused), and how that is known. Not guarded by the
   * claim: what Greenhouse did stays true whoever holds the push.
   */
  void done(
      PushRow push,
      String step,
      String confirmedBy,
      Long candidateId,
      Long applicationId,
      String result) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into push_steps (tenant_id, push_id, step, sent_at, done_at,"
                        + " confirmed_by, candidate_id, application_id, result)"
                        + " values (:t, :id, :step, now(), now(), :how, :cand, :app, :result)"
                        + " on conflict (tenant_id, push_id, step) do update set done_at = now(),"
                        + " confirmed_by = :how,"
                        + " candidate_id = coalesce(:cand, push_steps.candidate_id),"
                        + " application_id = coalesce(:app, push_steps.application_id),"
                        + " result = coalesce(:result, push_steps.result)")
                .bind("t", push.tenantId())
                .bind("id", push.pushId())
                .bind("step", step)
                .bind("how", confirmedBy)
                .bind("cand", candidateId)
                .bind("app", applicationId)
                .bind("result", result)
                .execute());
  }

  /** Forgets a send that surely did not reach Greenhouse (refused at once, or never connected). */
  void unsent(PushRow push, String step) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "delete from push_steps where tenant_id = :t and push_id = :id and step = :step"
                        + " and done_at is null")
                .bind("t", push.tenantId())
                .bind("id", push.pushId())
                .bind("step", step)
                .execute());
  }

  private static Step read(ResultSet rs) throws SQLException {
    return new Step(
        rs.getString("step"),
        instant(rs, "sent_at"),
        instant(rs, "done_at"),
        rs.getInt("sends"),
        rs.getString("confirmed_by"),
        longOrNull(rs, "candidate_id"),
        longOrNull(rs, "application_id"),
        rs.getString("result"));
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
