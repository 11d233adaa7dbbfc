package io.headhuntr.connector.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Each tenant's schedule: its own settings ({@code sync_settings}), when its last scheduled pass
 * ended ({@code sync_tenant}) and when db-scheduler will run its next pass ({@code
 * scheduled_tasks}, written by {@link SyncScheduler}).
 */
final class SyncSchedules {
  private final Jdbi jdbi;

  SyncSchedules(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  SyncSettings settings(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select interval_minutes, full_interval_hours from sync_settings"
                        + " where tenant_id = :t")
                .bind("t", tenant)
                .map(
                    (rs, ctx) ->
                        new SyncSettings(
                            Optional.ofNullable((Integer) rs.getObject("interval_minutes")),
                            Optional.ofNullable((Integer) rs.getObject("full_interval_hours"))))
                .findOne()
                .orElse(SyncSettings.serviceDefaults()));
  }

  void save(UUID tenant, SyncSettings settings) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into sync_settings (tenant_id, interval_minutes, full_interval_hours)"
                        + " values (:t, :i, :f) on conflict (tenant_id) do update set"
                        + " interval_minutes = excluded.interval_minutes,"
                        + " full_interval_hours = excluded.full_interval_hours,"
                        + " updated_at = now()")
                .bind("t", tenant)
                .bind("i", settings.intervalMinutes().orElse(null))
                .bind("f", settings.fullIntervalHours().orElse(null))
                .execute());
  }

  /** Records that a scheduled pass of the tenant ended at {@code at}. */
  void passEnded(UUID tenant, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into sync_tenant (tenant_id, last_pass_ended_at) values (:t, :at)"
                        + " on conflict (tenant_id) do update set last_pass_ended_at = :at,"
                        + " updated_at = now()")
                .bind("t", tenant)
                .bind("at", at)
                .execute());
  }

  /** When the last scheduled pass of the tenant ended, if one did. */
  Optional<Instant> lastPassEndedAt(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select last_pass_ended_at from sync_tenant where tenant_id = :t"
                        + " and last_pass_ended_at is not null")
                .bind("t", tenant)
                .mapTo(Instant.class)
                .findOne());
  }

  /** When the tenant's next pass is due; empty while one runs and when none is scheduled. */
  Optional<Instant> nextPassAt(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select execution_time from scheduled_tasks where task_name = :n"
                        + " and task_instance = :t and not picked")
                .bind("n", SyncScheduler.TASK.getTaskName())
                .bind("t", tenant.toString())
                .mapTo(Instant.class)
                .findOne());
  }
}
