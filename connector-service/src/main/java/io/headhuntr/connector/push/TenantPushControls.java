package io.headhuntr.connector.push;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's push settings ({@code push_settings}) and pause ({@code push_pauses}): a 401 or 403
 * from Greenhouse, or the tenant's own pause, stops every push of the tenant until {@link #resume}
 * queues them again.
 */
public final class TenantPushControls {
  private final Jdbi jdbi;

  public TenantPushControls(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void pause(UUID tenantId, String reason) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into push_pauses (tenant_id, reason) values (:t, :r)"
                        + " on conflict (tenant_id) do update set reason = :r, paused_at = now()")
                .bind("t", tenantId)
                .bind("r", reason)
                .execute());
  }

  Optional<String> pauseReason(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select reason from push_pauses where tenant_id = :t")
                .bind("t", tenantId)
                .mapTo(String.class)
                .findOne());
  }

  /** Lifts the pause and queues again every push that needs attention; returns how many. */
  public int resume(UUID tenantId) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate("delete from push_pauses where tenant_id = :t")
              .bind("t", tenantId)
              .execute();
          return h.createUpdate(
                  "update pushes set status = 'queued', step = null, attempts = 0, run_at = now(),"
                      + " error = null, updated_at = now() where tenant_id = :t"
                      + " and status = 'needs_attention'")
              .bind("t", tenantId)
              .execute();
        });
  }

  /**
   * The tenant's Greenhouse connection is back: its pushes waiting for the reconnect are due now
   * instead of at their next look. Returns how many.
   */
  public int wakeWaitingForReconnect(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "update pushes set run_at = now(), updated_at = now() where tenant_id = :t"
                        + " and status = 'queued' and step = :step and claimed_by is null")
                .bind("t", tenantId)
                .bind("step", PushExecution.STEP_RECONNECT)
                .execute());
  }

  PushSettings settings(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select duplicate_policy, default_source_id from push_settings where tenant_id = :t")
                .bind("t", tenantId)
                .map(
                    (rs, ctx) -> {
                      long source = rs.getLong("default_source_id");
                      Optional<Long> chosen = rs.wasNull() ? Optional.empty() : Optional.of(source);
                      return new PushSettings(rs.getString("duplicate_policy"), chosen);
                    })
                .findOne()
                .orElse(PushSettings.DEFAULT));
  }

  void saveSettings(UUID tenantId, PushSettings settings) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into push_settings (tenant_id, duplicate_policy, default_source_id)"
                        + " values (:t, :p, :s) on conflict (tenant_id) do update set"
                        + " duplicate_policy = :p, default_source_id = :s, updated_at = now()")
                .bind("t", tenantId)
                .bind("p", settings.duplicatePolicy())
                .bind("s", settings.defaultSourceId().orElse(null))
                .execute());
  }
}
