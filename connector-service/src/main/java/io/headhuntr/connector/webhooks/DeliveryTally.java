package io.headhuntr.connector.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts deliveries per tenant and action and writes them to {@link WebhookActivity} at most once a
 * second per action: a bulk action in Greenhouse (500 rejections) must not turn into 500 updates of
 * one row on the acknowledgement path. The first delivery of a quiet action is written at once;
 * what is still pending is written by the next delivery or by {@link #flush}. A crash loses at most
 * a second of counts, never a delivery (those are in the inbox).
 */
final class DeliveryTally {

  static final Duration INTERVAL = Duration.ofSeconds(1);

  private record Key(UUID tenantId, String action) {}

  private static final class Pending {
    long count;
    Instant lastAt;
    Instant writtenAt;
  }

  private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
  private final WebhookActivity activity;

  DeliveryTally(WebhookActivity activity) {
    this.activity = activity;
  }

  void record(UUID tenantId, String action, Instant at) {
    Pending p = pending.computeIfAbsent(new Key(tenantId, action), k -> new Pending());
    long count;
    Instant last;
    synchronized (p) {
      p.count++;
      p.lastAt = p.lastAt == null || at.isAfter(p.lastAt) ? at : p.lastAt;
      if (p.writtenAt != null && at.isBefore(p.writtenAt.plus(INTERVAL))) {
        return;
      }
      count = p.count;
      last = p.lastAt;
      p.count = 0;
      p.writtenAt = at;
    }
    activity.recordDeliveries(tenantId, action, count, last);
  }

  /** Writes whatever this process still holds for the tenant (before its kit is shown). */
  void flush(UUID tenantId) {
    pending.forEach(
        (key, p) -> {
          if (!key.tenantId().equals(tenantId)) {
            return;
          }
          long count;
          Instant last;
          synchronized (p) {
            if (p.count == 0) {
              return;
            }
            count = p.count;
            last = p.lastAt;
            p.count = 0;
          }
          activity.recordDeliveries(tenantId, key.action(), count, last);
        });
  }
}
