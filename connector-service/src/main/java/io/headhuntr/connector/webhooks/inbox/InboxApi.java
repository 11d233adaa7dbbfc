package io.headhuntr.connector.webhooks.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.mirror.MirrorJson;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operator handlers over the inbox: {@code GET
 * /api/v1/tenants/{tenant_id}/webhooks/parked?after=&limit=} lists parked deliveries with their
 * reason (never their body: it holds personal data), {@code POST
 * /api/v1/tenants/{tenant_id}/webhooks/parked/{inbox_id}/replay} queues one again.
 */
public final class InboxApi {
  private final WebhookInbox inbox;
  private final Clock clock;

  public InboxApi(WebhookInbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  public void parked(Context ctx) {
    UUID tenantId = UUID.fromString(ctx.pathParam("tenant_id"));
    long after = number(ctx.queryParam("after"), "after", 0, Long.MAX_VALUE, 0);
    int limit = (int) number(ctx.queryParam("limit"), "limit", 1, 500, 100);
    List<InboxEntry> entries = inbox.parked(tenantId, after, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("parked", entries);
    body.put("next_after", entries.isEmpty() ? after : entries.get(entries.size() - 1).inboxId());
    write(ctx, 200, body);
  }

  /**
   * {@code GET /api/v1/tenants/{tenant_id}/webhooks/inbox}: rows per state, and per action the
   * deliveries of the last hour and the latest one.
   */
  public void summary(Context ctx) {
    UUID tenantId = UUID.fromString(ctx.pathParam("tenant_id"));
    write(ctx, 200, inbox.summary(tenantId, clock.instant().minus(Duration.ofHours(1))));
  }

  public void replay(Context ctx) {
    UUID tenantId = UUID.fromString(ctx.pathParam("tenant_id"));
    long inboxId = number(ctx.pathParam("inbox_id"), "inbox_id", 1, Long.MAX_VALUE, -1);
    if (!inbox.replay(tenantId, inboxId)) {
      throw ProblemException.notFound("no parked delivery " + inboxId + " in this tenant");
    }
    write(ctx, 200, inbox.find(tenantId, inboxId).orElseThrow());
  }

  private static long number(String text, String field, long min, long max, long absent) {
    if (text == null || text.isBlank()) {
      if (absent < 0) {
        throw ProblemException.invalid(field, "is required");
      }
      return absent;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value < min || value > max) {
        throw ProblemException.invalid(field, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "must be a whole number");
    }
  }

  private static void write(Context ctx, int status, Object body) {
    try {
      ctx.status(status)
          .contentType("application/json")
          .result(MirrorJson.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
