package io.headhuntr.connector.webhooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code webhook_activity} table: per tenant and action, the last ping, the last delivery and
 * the last processing failure.
 */
public final class WebhookActivity {

  /** What is known about one action's webhook. */
  public record Row(
      String action,
      Optional<Instant> pingedAt,
      Optional<String> pingName,
      Optional<Long> pingWebHookId,
      Optional<Instant> firstDeliveryAt,
      Optional<Instant> lastDeliveryAt,
      long deliveries,
      Optional<Instant> lastFailureAt,
      Optional<String> failureMessage) {}

  private final Jdbi jdbi;

  public WebhookActivity(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void recordPing(UUID tenantId, String action, String name, Long webHookId, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into webhook_activity (tenant_id, action, pinged_at, ping_name,"
                        + " ping_web_hook_id) values (:tenant, :action, :at, :name, :id)"
                        + " on conflict (tenant_id, action) do update set pinged_at = :at,"
                        + " ping_name = :name, ping_web_hook_id = :id")
                .bind("tenant", tenantId)
                .bind("action", action)
                .bind("at", utc(at))
                .bind("name", name)
                .bind("id", webHookId)
                .execute());
  }

  /** Adds {@code count} deliveries of {@code action}, the last of them received at {@code at}. */
  public void recordDeliveries(UUID tenantId, String action, long count, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into webhook_activity (tenant_id, action, first_delivery_at,"
                        + " last_delivery_at, deliveries) values (:tenant, :action, :at, :at,"
                        + " :count) on conflict (tenant_id, action) do update set"
                        + " first_delivery_at = coalesce(webhook_activity.first_delivery_at, :at),"
                        + " last_delivery_at ="
                        + " greatest(webhook_activity.last_delivery_at, :at),"
                        + " deliveries = webhook_activity.deliveries + :count")
                .bind("tenant", tenantId)
                .bind("action", action)
                .bind("at", utc(at))
                .bind("count", count)
                .execute());
  }

  /** Marks the action's webhook as failing (processing could not apply a delivery). */
  public void recordFailure(UUID tenantId, String action, String message, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into webhook_activity (tenant_id, action, last_failure_at,"
                        + " failure_message) values (:tenant, :action, :at, :message)"
                        + " on conflict (tenant_id, action) do update set last_failure_at = :at,"
                        + " failure_message = :message")
                .bind("tenant", tenantId)
                .bind("action", action)
                .bind("at", utc(at))
                .bind("message", message)
                .execute());
  }

  public Map<String, Row> byAction(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "select action, pinged_at, ping_name, ping_web_hook_id, first_delivery_at,"
                        + " last_delivery_at, deliveries,"
                        + " last_failure_at, failure_message from webhook_activity"
                        + " where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new Row(
                            rs.getString("action"),
                            WebhookEndpoints.instant(rs, "pinged_at"),
                            Optional.ofNullable(rs.getString("ping_name")),
                            Optional.ofNullable(rs.getObject("ping_web_hook_id", Long.class)),
                            WebhookEndpoints.instant(rs, "first_delivery_at"),
                            WebhookEndpoints.instant(rs, "last_delivery_at"),
                            rs.getLong("deliveries"),
                            WebhookEndpoints.instant(rs, "last_failure_at"),
                            Optional.ofNullable(rs.getString("failure_message"))))
                .stream()
                .collect(Collectors.toMap(Row::action, r -> r)));
  }

  /** Deliveries per action received since {@code since} (the inbox keeps every one). */
  public Map<String, Long> deliveriesSince(UUID tenantId, Instant since) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "select action, count(*) as n from webhook_inbox where tenant_id = :tenant"
                        + " and received_at > :since and action is not null group by action")
                .bind("tenant", tenantId)
                .bind("since", utc(since))
                .map((rs, ctx) -> Map.entry(rs.getString("action"), rs.getLong("n")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  /**
   * In how many different clock hours the tenant's other actions delivered since {@code after}: how
   * much the account has been in use while {@code action} said nothing.
   */
  public int othersActiveHoursAfter(UUID tenantId, String action, Instant after) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select count(distinct date_trunc('hour', received_at)) from webhook_inbox"
                        + " where tenant_id = :tenant and received_at > :after"
                        + " and action is distinct from :action and action <> 'ping'")
                .bind("tenant", tenantId)
                .bind("after", utc(after))
                .bind("action", action)
                .mapTo(Integer.class)
                .one());
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
