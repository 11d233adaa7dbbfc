package io.headhuntr.connector.events;

import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.mirror.MirrorJson;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/tenants/{tenant_id}/events?after=CURSOR&limit=N}: the tenant's outcomes in
 * order. The answer carries {@code events} and {@code next_cursor} (the last event's cursor, or the
 * given one when nothing is new), so a follower simply repeats with {@code after=next_cursor}.
 */
public final class EventsApi {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final Jdbi jdbi;
  private final EventLog log = new EventLog();

  public EventsApi(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void list(Context ctx) {
    UUID tenantId = UUID.fromString(ctx.pathParam("tenant_id"));
    String after = ctx.queryParam("after");
    long afterSeq = 0;
    if (after != null && !after.isBlank()) {
      try {
        afterSeq = EventCursor.decode(after.trim());
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("after", "not a cursor returned by this feed");
      }
    }
    int limit = limit(ctx.queryParam("limit"));
    long from = afterSeq;
    List<OutcomeEvent> events = jdbi.withHandle(h -> log.after(h, tenantId, from, limit));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events", events);
    body.put(
        "next_cursor",
        events.isEmpty()
            ? (after == null || after.isBlank() ? EventCursor.encode(0) : after.trim())
            : events.get(events.size() - 1).cursor());
    ctx.contentType("application/json").result(write(body));
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < 1 || value > MAX_LIMIT) {
        throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
    }
  }

  private static String write(Object body) {
    try {
      return MirrorJson.MAPPER.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
