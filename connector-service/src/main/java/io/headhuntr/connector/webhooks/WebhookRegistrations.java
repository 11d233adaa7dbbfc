package io.headhuntr.connector.webhooks;

import io.headhuntr.connector.greenhouse.RegisteredWebhook;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code webhook_registrations} and {@code webhook_registration_runs} tables: the webhooks a
 * partner connection registered in Greenhouse, what Greenhouse last said of each, and the last
 * registration run and read.
 */
final class WebhookRegistrations {

  /** One registered webhook; {@code secretSha256} is empty when the connector never saved it. */
  record Row(
      String action,
      long greenhouseWebhookId,
      String endpointUrl,
      Optional<String> secretSha256,
      boolean deactivated,
      Optional<Instant> lastDelivered,
      Instant readAt) {}

  /** The tenant's last registration run and the last read of Greenhouse's state. */
  record Run(
      Optional<String> trigger,
      Optional<Instant> attemptedAt,
      int created,
      int updated,
      int kept,
      Optional<String> problem,
      Optional<Instant> readAt,
      Optional<String> readProblem) {}

  private final Jdbi jdbi;

  WebhookRegistrations(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Map<String, Row> byAction(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "select action, greenhouse_webhook_id, endpoint_url, secret_sha256,"
                        + " deactivated, last_delivered, read_at from webhook_registrations"
                        + " where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new Row(
                            rs.getString("action"),
                            rs.getLong("greenhouse_webhook_id"),
                            rs.getString("endpoint_url"),
                            Optional.ofNullable(rs.getString("secret_sha256")),
                            rs.getBoolean("deactivated"),
                            WebhookEndpoints.instant(rs, "last_delivered"),
                            WebhookEndpoints.instant(rs, "read_at").orElseThrow()))
                .stream()
                .collect(Collectors.toMap(Row::action, r -> r)));
  }

  /** A webhook the connector has just saved with the secret whose hash is {@code secretSha256}. */
  void saved(UUID tenantId, RegisteredWebhook webhook, String secretSha256, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into webhook_registrations (tenant_id, action, greenhouse_webhook_id,"
                        + " endpoint_url, secret_sha256, deactivated, last_delivered, saved_at,"
                        + " read_at) values (:tenant, :action, :id, :url, :sha, :off, :last, :at,"
                        + " :at) on conflict (tenant_id, action) do update set"
                        + " greenhouse_webhook_id = :id, endpoint_url = :url, secret_sha256 = :sha,"
                        + " deactivated = :off, last_delivered = :last, saved_at = :at,"
                        + " read_at = :at")
                .bind("tenant", tenantId)
                .bind("action", webhook.action())
                .bind("id", webhook.id())
                .bind("url", webhook.endpointUrl())
                .bind("sha", secretSha256)
                .bind("off", webhook.deactivated())
                .bind("last", webhook.lastDelivered().map(WebhookRegistrations::utc).orElse(null))
                .bind("at", utc(at))
                .execute());
  }

  /**
   * What Greenhouse listed: each webhook's health is updated; one the connector has no row for is
   * added with an unknown secret (so the next registration saves the secret again); a row whose
   * webhook Greenhouse no longer lists is dropped (deleted there).
   */
  void read(UUID tenantId, Iterable<RegisteredWebhook> listed, Instant at) {
    jdbi.useTransaction(
        h -> {
          Set<String> seen = new HashSet<>();
          for (RegisteredWebhook webhook : listed) {
            if (!seen.add(webhook.action())) {
              continue;
            }
            h.createUpdate(
                    "insert into webhook_registrations (tenant_id, action, greenhouse_webhook_id,"
                        + " endpoint_url, deactivated, last_delivered, read_at) values (:tenant,"
                        + " :action, :id, :url, :off, :last, :at) on conflict (tenant_id, action)"
                        + " do update set secret_sha256 = case when"
                        + " webhook_registrations.greenhouse_webhook_id = :id then"
                        + " webhook_registrations.secret_sha256 end, greenhouse_webhook_id = :id,"
                        + " endpoint_url = :url, deactivated = :off, last_delivered = :last,"
                        + " read_at = :at")
                .bind("tenant", tenantId)
                .bind("action", webhook.action())
                .bind("id", webhook.id())
                .bind("url", webhook.endpointUrl())
                .bind("off", webhook.deactivated())
                .bind("last", webhook.lastDelivered().map(WebhookRegistrations::utc).orElse(null))
                .bind("at", utc(at))
                .execute();
          }
          h.createUpdate(
                  "delete from webhook_registrations where tenant_id = :tenant"
                      + " and not (action = any(:seen))")
              .bind("tenant", tenantId)
              .bindArray("seen", String.class, seen)
              .execute();
        });
  }

  Optional<Run> run(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select trigger, attempted_at, created, updated, kept, problem, read_at,"
                        + " read_problem from webhook_registration_runs where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new Run(
                            Optional.ofNullable(rs.getString("trigger")),
                            WebhookEndpoints.instant(rs, "attempted_at"),
                            rs.getInt("created"),
                            rs.getInt("updated"),
                            rs.getInt("kept"),
                            Optional.ofNullable(rs.getString("problem")),
                            WebhookEndpoints.instant(rs, "read_at"),
                            Optional.ofNullable(rs.getString("read_problem"))))
                .findOne());
  }

  /** Records a registration run (it read Greenhouse's state too). */
  void recordRun(
      UUID tenantId,
      String trigger,
      Instant at,
      int created,
      int updated,
      int kept,
      Optional<String> problem) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into webhook_registration_runs (tenant_id, trigger, attempted_at,"
                        + " created, updated, kept, problem) values (:tenant, :trigger, :at,"
                        + " :created, :updated, :kept, :problem) on conflict (tenant_id) do update"
                        + " set trigger = :trigger, attempted_at = :at, created = :created,"
                        + " updated = :updated, kept = :kept, problem = :problem")
                .bind("tenant", tenantId)
                .bind("trigger", trigger)
                .bind("at", utc(at))
                .bind("created", created)
                .bind("updated", updated)
                .bind("kept", kept)
                .bind("problem", problem.orElse(null))
                .execute());
  }

  /**
   * Claims the tenant's next read of Greenhouse's state: true for one caller (across instances)
   * when the last read began before {@code dueBefore}, stamping {@code now}.
   */
  boolean claimRead(UUID tenantId, Instant now, Instant dueBefore) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate(
                  "insert into webhook_registration_runs (tenant_id) values (:tenant)"
                      + " on conflict (tenant_id) do nothing")
              .bind("tenant", tenantId)
              .execute();
          return h.createUpdate(
                      "update webhook_registration_runs set read_at = :now"
                          + " where tenant_id = :tenant and (read_at is null or read_at < :due)")
                  .bind("tenant", tenantId)
                  .bind("now", utc(now))
                  .bind("due", utc(dueBefore))
                  .execute()
              == 1;
        });
  }

  /** The outcome of the read claimed at {@code at}: empty when it succeeded. */
  void readOutcome(UUID tenantId, Instant at, Optional<String> problem) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update webhook_registration_runs set read_at = :at, read_problem = :problem"
                        + " where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .bind("at", utc(at))
                .bind("problem", problem.orElse(null))
                .execute());
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
