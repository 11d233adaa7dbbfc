package io.headhuntr.connector.api;

import io.headhuntr.connector.push.PushBoard;
import io.headhuntr.connector.webhooks.inbox.DeliveryHistory;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's health beyond the sync status: webhook deliveries per hour, the push queue and funnel,
 * and retrying a push. The console's health page reads the same services.
 */
public final class TenantHealthRoutes {
  private final DeliveryHistory deliveries;
  private final PushBoard pushes;

  public TenantHealthRoutes(DeliveryHistory deliveries, PushBoard pushes) {
    this.deliveries = deliveries;
    this.pushes = pushes;
  }

  public List<Route> routes() {
    String tenant = "/api/v1/tenants/{tenant_id}";
    return List.of(
        Route.get(tenant + "/webhooks/deliveries", Access.TENANT, this::deliveries)
            .doc(
                "webhooks",
                "Deliveries per clock hour (UTC), events and pings apart, oldest first"
                    + " (?hours=1..168, default 48)")
            .returns(200, "DeliveriesPerHour"),
        Route.get(tenant + "/push-summary", Access.TENANT, this::summary)
            .doc(
                "pushes",
                "The push queue by state (awaiting_confirmation: an unanswered write is being"
                    + " looked up), the funnel of done pushes by outcome, and the latest pushes"
                    + " (?latest=1..100, default 20)")
            .returns(200, "PushSummary"),
        Route.post(tenant + "/pushes/{push_id}/retry", Access.TENANT, this::retry)
            .doc(
                "pushes",
                "Queue a failed push (or one needing attention) again; writes it already made"
                    + " are looked up, not repeated (409 for any other state)")
            .returns(200, "PushQueueItem"));
  }

  void deliveries(Context ctx) {
    int hours = number(ctx.queryParam("hours"), "hours", 48, DeliveryHistory.MAX_HOURS);
    ctx.json(deliveries.lastHours(TenantRoutes.tenantId(ctx), hours));
  }

  void summary(Context ctx) {
    UUID tenantId = TenantRoutes.tenantId(ctx);
    int latest = number(ctx.queryParam("latest"), "latest", 20, 100);
    PushBoard.Summary summary = pushes.summary(tenantId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("queue", summary.queue());
    body.put("funnel", summary.funnel());
    body.put("pause_reason", summary.pauseReason());
    body.put("latest", pushes.latest(tenantId, latest));
    ctx.json(body);
  }

  void retry(Context ctx) {
    UUID pushId;
    try {
      pushId = UUID.fromString(ctx.pathParam("push_id"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("push_id", "push_id must be a UUID");
    }
    ctx.json(pushes.retry(TenantRoutes.tenantId(ctx), pushId));
  }

  private static int number(String text, String field, int absent, int max) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.invalid(field, field + " must be a whole number from 1 to " + max);
  }
}
