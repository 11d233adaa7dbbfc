package io.headhuntr.connector.webhooks.apply;

import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.MirrorStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What one processor works with: the open transaction, the tenant, when the delivery arrived, the
 * mirror, the references it mentions in passing (recorded after it returns), and the outcome events
 * it produces (appended after it returns, in the same transaction).
 */
final class ApplyContext {
  final Handle handle;
  final UUID tenantId;
  final Instant receivedAt;
  final MirrorStore mirror;
  final PassingReferences references;
  private final List<NewEvent> events = new ArrayList<>();

  ApplyContext(
      Handle handle,
      UUID tenantId,
      Instant receivedAt,
      MirrorStore mirror,
      PassingReferences references) {
    this.handle = handle;
    this.tenantId = tenantId;
    this.receivedAt = receivedAt;
    this.mirror = mirror;
    this.references = references;
  }

  void emit(NewEvent event) {
    events.add(event);
  }

  List<NewEvent> events() {
    return List.copyOf(events);
  }
}
