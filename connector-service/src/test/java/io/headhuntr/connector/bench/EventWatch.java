package io.headhuntr.connector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.bench.ConnectorClient.WebhookTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows a tenant's outcome feed as the platform would ({@code GET .../events?after=cursor}, every
 * {@code everyMillis}) and records when each event first became visible, keyed by its application
 * id, or {@code c<candidate id>} for an event about a candidate alone.
 */
final class EventWatch implements AutoCloseable {
  private final ConnectorClient client;
  private final WebhookTenant tenant;
  private final long everyMillis;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private String after;

  EventWatch(ConnectorClient client, WebhookTenant tenant, String after, long everyMillis) {
    this.client = client;
    this.tenant = tenant;
    this.after = after;
    this.everyMillis = everyMillis;
    this.thread = new Thread(this::follow, "bench-event-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** The cursor after the last event of the feed now (to start a watch after past events). */
  static String lastCursor(ConnectorClient client, WebhookTenant tenant) {
    String after = "";
    while (true) {
      JsonNode page = page(client, tenant, after);
      String next = page.path("next_cursor").asText("");
      if (page.path("events").isEmpty() || next.isEmpty() || next.equals(after)) {
        return after;
      }
      after = next;
    }
  }

  /** When the event about {@code key} was first seen, or null. */
  Instant seenAt(String key) {
    return seen.get(key);
  }

  private void follow() {
    while (running) {
      JsonNode page = page(client, tenant, after);
      Instant now = Instant.now();
      for (JsonNode event : page.path("events")) {
        String key =
            event.hasNonNull("application_id")
                ? event.get("application_id").asText()
                : "c" + event.path("candidate_id").asText();
        seen.putIfAbsent(key, now);
      }
      String next = page.path("next_cursor").asText("");
      if (!next.isEmpty()) {
        after = next;
      }
      if (page.path("events").isEmpty()) {
        // the poll interval of a feed follower, not a wait for a result
        java.util.concurrent.locks.LockSupport.parkNanos(everyMillis * 1_000_000);
      }
    }
  }

  private static JsonNode page(ConnectorClient client, WebhookTenant tenant, String after) {
    return client
        .call(
            "GET",
            "/api/v1/tenants/"
                + tenant.tenantId()
                + "/events?limit=1000"
                + (after.isEmpty()
                    ? ""
                    : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)),
            tenant.token(),
            null)
        .json();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
