package io.headhuntr.connector.webhooks.inbox;

import io.headhuntr.connector.webhooks.DeliveryBody;
import io.headhuntr.connector.webhooks.VerifiedDeliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the acknowledgement path. Each request thread puts its verified delivery in a
 * queue and waits; one writer thread takes everything that is waiting (up to {@code maxBatch}),
 * stores it in one insert, commits once, and only then releases the requests, each learning whether
 * its delivery was new. Under load many deliveries share one WAL flush and one round trip; a lone
 * delivery is written at once, with no added delay.
 *
 * <p>Nothing is acknowledged before its commit: a request whose batch failed (the database is down)
 * gets the exception and answers 5xx, so Greenhouse sends it again. When a batch fails, its
 * deliveries are written one by one, so a delivery the database refuses fails alone. A request that
 * waited longer than {@code maxWait} gets an exception too; if its delivery commits later,
 * Greenhouse's retry is acknowledged as a duplicate.
 */
public final class InboxWriter implements VerifiedDeliveries, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);

  private record Waiting(WebhookInbox.Delivery delivery, CompletableFuture<Boolean> stored) {}

  private final WebhookInbox inbox;
  private final Runnable onNew;
  private final int maxBatch;
  private final Duration maxWait;
  private final BlockingQueue<Waiting> queue;
  private final IntakeRate rate = new IntakeRate();
  private final Thread writer;
  private volatile boolean closed;

  /**
   * @param onNew called after a batch that stored at least one new delivery (wakes the appliers)
   */
  public InboxWriter(WebhookInbox inbox, Runnable onNew, int maxBatch, Duration maxWait) {
    this.inbox = inbox;
    this.onNew = onNew;
    this.maxBatch = maxBatch;
    this.maxWait = maxWait;
    this.queue = new ArrayBlockingQueue<>(maxBatch * 16);
    this.writer = new Thread(this::run, "inbox-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** 256 deliveries per insert at most; a request waits at most 10 s for its commit. */
  public static InboxWriter start(WebhookInbox inbox, Runnable onNew) {
    return new InboxWriter(inbox, onNew, 256, Duration.ofSeconds(10));
  }

  @Override
  public boolean accept(
      UUID tenantId,
      Optional<String> eventId,
      byte[] rawBody,
      DeliveryBody body,
      Instant receivedAt) {
    if (closed) {
      throw new IllegalStateException("the inbox writer is closed (the service is stopping)");
    }
    Waiting waiting =
        new Waiting(
            WebhookInbox.Delivery.of(tenantId, eventId, rawBody, body, receivedAt),
            new CompletableFuture<>());
    try {
      long deadline = System.nanoTime() + maxWait.toNanos();
      if (!queue.offer(waiting, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the inbox is not keeping up: delivery not stored");
      }
      return waiting.stored().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before the delivery was stored", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the delivery was not stored within " + maxWait, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the delivery could not be stored", e.getCause());
    }
  }

  private void run() {
    List<Waiting> batch = new ArrayList<>(maxBatch);
    while (!closed || !queue.isEmpty()) {
      try {
        Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch);
      } catch (InterruptedException e) {
        if (!closed) {
          LOG.warn("inbox writer interrupted while running; going on");
        }
      } catch (RuntimeException e) {
        LOG.error("inbox writer: unexpected failure", e);
        batch.forEach(w -> w.stored().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Waiting> batch) {
    List<WebhookInbox.Delivery> deliveries = new ArrayList<>(batch.size());
    batch.forEach(w -> deliveries.add(w.delivery()));
    Set<WebhookInbox.Delivery.Key> fresh;
    try {
      fresh = inbox.insertAll(deliveries);
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).stored().completeExceptionally(e);
        return;
      }
      LOG.warn("inbox batch of {} failed ({}); writing one by one", batch.size(), e.toString());
      batch.forEach(this::writeAlone);
      onNew.run();
      return;
    }
    // a key twice in one batch was stored once: the first request is told "new", the rest not
    Set<WebhookInbox.Delivery.Key> answered = new HashSet<>();
    for (Waiting w : batch) {
      WebhookInbox.Delivery.Key key = w.delivery().key();
      w.stored().complete(fresh.contains(key) && answered.add(key));
    }
    rate.record(fresh.size(), batch.size());
    if (!fresh.isEmpty()) {
      onNew.run();
    }
  }

  /**
   * How fast deliveries are being stored and how many requests share a commit (the appliers give
   * way during a burst).
   */
  public IntakeRate rate() {
    return rate;
  }

  private void writeAlone(Waiting waiting) {
    try {
      waiting.stored().complete(!inbox.insertAll(List.of(waiting.delivery())).isEmpty());
    } catch (RuntimeException e) {
      waiting.stored().completeExceptionally(e);
    }
  }

  /** Writes what is still queued, then stops; later deliveries are refused (the server is down). */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
