package io.headhuntr.sandbox.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One event sent to one webhook: the exact bytes and signature (fixed at creation, so every retry
 * repeats them and the same {@code Greenhouse-Event-ID}), and its attempts so far. Thread-safe.
 */
public final class Delivery {

  /** Where a delivery stands. */
  public enum State {
    PENDING,
    DELIVERED,
    FAILED,
    /** Its webhook was disabled or deleted before a retry. */
    CANCELLED
  }

  private final long id;
  private final Webhook webhook;
  private final String action;
  private final String eventId;
  private final byte[] body;
  private final String signature;
  private final Instant createdAt;
  private final List<DeliveryAttempt> attempts = new ArrayList<>();
  private State state = State.PENDING;
  private Instant nextAttemptAt;

  Delivery(
      long id, Webhook webhook, String action, String eventId, byte[] body, Instant createdAt) {
    this.id = id;
    this.webhook = webhook;
    this.action = action;
    this.eventId = eventId;
    this.body = body.clone();
    this.signature = WebhookSignature.headerValue(webhook.secretKey(), body);
    this.createdAt = createdAt;
    this.nextAttemptAt = createdAt;
  }

  public long id() {
    return id;
  }

  public Webhook webhook() {
    return webhook;
  }

  public String action() {
    return action;
  }

  /** The {@code Greenhouse-Event-ID}: unique per event and webhook, the same on every retry. */
  public String eventId() {
    return eventId;
  }

  public byte[] body() {
    return body.clone();
  }

  /** The {@code Signature} header value. */
  public String signature() {
    return signature;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public synchronized State state() {
    return state;
  }

  public synchronized List<DeliveryAttempt> attempts() {
    return List.copyOf(attempts);
  }

  public synchronized Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt);
  }

  synchronized int attemptCount() {
    return attempts.size();
  }

  synchronized void cancel() {
    state = State.CANCELLED;
    nextAttemptAt = null;
  }

  synchronized void record(DeliveryAttempt attempt, State newState, Instant next) {
    attempts.add(attempt);
    state = newState;
    nextAttemptAt = next;
  }
}
