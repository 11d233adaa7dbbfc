package io.headhuntr.sandbox.webhooks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends deliveries over HTTP with the JDK client and schedules their retries on Greenhouse's
 * schedule, scaled by the time scale; many deliveries are in flight at once, in no promised order.
 */
final class DeliveryEngine implements AutoCloseable {

  /**
   * Greenhouse's User-Agent is reserved but its value undocumented; this one says what sent the
   * request.
   */
  static final String USER_AGENT = "Greenhouse-Sandbox-Webhooks/1.0";

  private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

  private final WebhookHubConfig config;
  private final RetrySchedule schedule;
  private final DeliveryLog deliveryLog;
  private final ExecutorService httpExecutor;
  private final ScheduledExecutorService timer;
  private final HttpClient http;
  private final Map<Long, ScheduledFuture<?>> scheduledRetries = new ConcurrentHashMap<>();
  private final LongPredicate webhookActive;

  DeliveryEngine(
      WebhookHubConfig config,
      RetrySchedule schedule,
      DeliveryLog deliveryLog,
      LongPredicate webhookActive) {
    this.webhookActive = webhookActive;
    this.config = config;
    this.schedule = schedule;
    this.deliveryLog = deliveryLog;
    this.httpExecutor =
        Executors.newFixedThreadPool(config.threads(), daemon("sandbox-webhook-http"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-webhook-retry"));
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER) // "Redirects will not be followed"
            .connectTimeout(config.deliveryTimeout())
            .executor(httpExecutor)
            .build();
  }

  /**
   * Makes the next attempt now and retries until delivered or out of attempts; a retry whose
   * webhook was since disabled or deleted is cancelled instead (disabled webhooks do not fire).
   */
  void start(Delivery delivery) {
    if (delivery.attemptCount() > 0 && !webhookActive.test(delivery.webhook().id())) {
      delivery.cancel();
      return;
    }
    attempt(delivery).thenAccept(attempt -> afterAttempt(delivery, attempt));
  }

  /** One attempt, no retry: the ping. */
  CompletableFuture<DeliveryAttempt> attemptOnce(Delivery delivery) {
    return attempt(delivery)
        .thenApply(
            attempt -> {
              delivery.record(
                  attempt,
                  attempt.succeeded() ? Delivery.State.DELIVERED : Delivery.State.FAILED,
                  null);
              return attempt;
            });
  }

  /** Runs every scheduled retry now instead of at its time (a hook for tests and demos). */
  void retryPendingNow() {
    for (Map.Entry<Long, ScheduledFuture<?>> entry : Map.copyOf(scheduledRetries).entrySet()) {
      if (entry.getValue().cancel(false)) {
        scheduledRetries.remove(entry.getKey());
        deliveryLog.find(d -> d.id() == entry.getKey()).forEach(this::start);
      }
    }
  }

  /** Cancels the waiting retries of one webhook (disabled or deleted). */
  void cancelWaiting(long webhookId) {
    for (Delivery delivery : deliveryLog.find(d -> d.webhook().id() == webhookId)) {
      ScheduledFuture<?> future = scheduledRetries.get(delivery.id());
      if (future != null && future.cancel(false)) {
        scheduledRetries.remove(delivery.id());
        delivery.cancel();
      }
    }
  }

  private CompletableFuture<DeliveryAttempt> attempt(Delivery delivery) {
    int number = delivery.attemptCount() + 1;
    Instant at = config.clock().instant();
    long startNanos = System.nanoTime();
    AdvancedSettings advanced = delivery.webhook().advanced();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(delivery.webhook().endpointUrl())
            .timeout(config.deliveryTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("Signature", delivery.signature())
            .header("Greenhouse-Event-ID", delivery.eventId())
            .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    advanced.authorization().ifPresent(value -> builder.header("Authorization", value));
    advanced.additionalHeaders().forEach(builder::header);
    HttpRequest request = builder.build();
    CompletableFuture<HttpResponse<Void>> sent;
    try {
      sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle(
        (response, error) -> {
          Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
          Optional<Integer> status = Optional.ofNullable(response).map(HttpResponse::statusCode);
          Optional<String> problem =
              error == null
                  ? status
                      .filter(s -> s != 200)
                      .map(s -> "HTTP " + s + " (only 200 counts as delivered)")
                  : Optional.of(describe(error));
          boolean ok = status.isPresent() && status.get() == 200;
          int cap = delivery.webhook().maxAttempts();
          Optional<Duration> retryIn =
              ok || (cap > 0 && number >= cap) ? Optional.empty() : schedule.delayAfter(number);
          return new DeliveryAttempt(number, at, status, problem, took, retryIn);
        });
  }

  private void afterAttempt(Delivery delivery, DeliveryAttempt attempt) {
    if (attempt.succeeded()) {
      delivery.record(attempt, Delivery.State.DELIVERED, null);
      return;
    }
    if (attempt.retryIn().isEmpty()) {
      delivery.record(attempt, Delivery.State.FAILED, null);
      notifyRecipient(
          delivery,
          "gave up after " + attempt.number() + " attempts; last: " + attempt.error().orElse("?"));
      return;
    }
    Duration wait = RetrySchedule.scaled(attempt.retryIn().get(), config.timeScale());
    delivery.record(attempt, Delivery.State.PENDING, config.clock().instant().plus(wait));
    try {
      ScheduledFuture<?> future =
          timer.schedule(
              () -> {
                scheduledRetries.remove(delivery.id());
                start(delivery);
              },
              wait.toNanos(),
              TimeUnit.NANOSECONDS);
      scheduledRetries.put(delivery.id(), future);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      log.debug("hub closed; delivery {} not retried", delivery.id());
    }
  }

  void notifyRecipient(Delivery delivery, String reason) {
    Webhook hook = delivery.webhook();
    deliveryLog.addNotice(
        id ->
            new FailureNotice(
                id,
                config.clock().instant(),
                hook.errorRecipientEmail(),
                hook.id(),
                hook.name(),
                delivery.action(),
                delivery.eventId(),
                reason));
    log.info("webhook {} ({}) failed: {}", hook.id(), hook.name(), reason);
  }

  private static String describe(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
    httpExecutor.shutdownNow();
  }
}
