package io.headhuntr.connector.webhooks.inbox;

import io.headhuntr.connector.events.NewEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Applies one stored delivery inside the worker's transaction, adds its outcome events to {@code
 * events} and says what it did; {@code WebhookApplier} in the service. Throwing {@code
 * UnusablePayloadException} parks the row at once; any other exception retries it.
 *
 * <p>{@link #applyAll} applies a claimed batch in one transaction; by default one delivery after
 * the other. An exception from it rolls the whole batch back, and the worker then applies its
 * deliveries one transaction each.
 */
@FunctionalInterface
public interface DeliveryApplier {
  String apply(
      Handle handle, UUID tenantId, byte[] rawBody, Instant receivedAt, List<NewEvent> events);

  /** A claimed delivery as {@link #applyAll} takes it. */
  record Delivery(UUID tenantId, byte[] rawBody, Instant receivedAt) {}

  /**
   * What became of one delivery of a batch: its outcome and events, or, when {@code unusable} is
   * set, the reason it can never be applied (nothing of it was written; the worker parks it).
   */
  record Applied(String outcome, List<NewEvent> events, String unusable) {
    public Applied {
      events = List.copyOf(events);
    }

    public static Applied done(String outcome, List<NewEvent> events) {
      return new Applied(Objects.requireNonNull(outcome), events, null);
    }

    public static Applied unusable(String reason) {
      return new Applied(null, List.of(), Objects.requireNonNull(reason));
    }
  }

  /** Applies {@code deliveries} in order in the caller's transaction; one answer per delivery. */
  default List<Applied> applyAll(Handle handle, List<Delivery> deliveries) {
    List<Applied> applied = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      List<NewEvent> events = new ArrayList<>();
      String outcome = apply(handle, d.tenantId(), d.rawBody(), d.receivedAt(), events);
      applied.add(Applied.done(outcome, events));
    }
    return applied;
  }
}
