package io.headhuntr.sandbox.webhooks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Every delivery and failure notice, newest last, like Greenhouse's Web Hook Log; bounded (the
 * oldest finished deliveries are dropped past {@code capacity}). Thread-safe.
 */
final class DeliveryLog {

  private final int capacity;
  private final Deque<Delivery> deliveries = new ArrayDeque<>();
  private final List<FailureNotice> notices = new ArrayList<>();

  DeliveryLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Delivery delivery) {
    deliveries.addLast(delivery);
    if (deliveries.size() > capacity) {
      for (Iterator<Delivery> it = deliveries.iterator();
          it.hasNext() && deliveries.size() > capacity; ) {
        if (it.next().state() != Delivery.State.PENDING) {
          it.remove();
        }
      }
    }
  }

  synchronized List<Delivery> find(Predicate<Delivery> filter) {
    return deliveries.stream().filter(filter).toList();
  }

  synchronized Optional<Delivery> lastFor(long webhookId) {
    for (Iterator<Delivery> it = deliveries.descendingIterator(); it.hasNext(); ) {
      Delivery d = it.next();
      if (d.webhook().id() == webhookId && !d.attempts().isEmpty()) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  synchronized FailureNotice addNotice(LongFunction<FailureNotice> withId) {
    FailureNotice notice = withId.apply(notices.size() + 1L);
    notices.add(notice);
    return notice;
  }

  synchronized List<FailureNotice> notices() {
    return List.copyOf(notices);
  }
}
