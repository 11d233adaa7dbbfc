package io.headhuntr.sandbox.webhooks;

import java.time.Clock;
import java.time.Duration;

/**
 * How the webhook hub delivers: {@code timeScale} divides every retry delay (1.0 = Greenhouse's
 * real ~15-hour schedule), {@code clock} stamps timestamps in payloads and logs, {@code
 * deliveryTimeout} bounds one attempt (Greenhouse does not document its own), {@code threads} sizes
 * the delivery pool.
 */
public record WebhookHubConfig(
    double timeScale, Clock clock, Duration deliveryTimeout, int threads) {

  public WebhookHubConfig {
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException(
          "timeScale must be a positive finite number: " + timeScale);
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock is required");
    }
    if (deliveryTimeout == null || deliveryTimeout.isNegative() || deliveryTimeout.isZero()) {
      throw new IllegalArgumentException("deliveryTimeout must be positive: " + deliveryTimeout);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
  }

  /** Real time, the UTC system clock, a 10-second attempt timeout and 32 delivery threads. */
  public static WebhookHubConfig defaults() {
    return new WebhookHubConfig(1.0, Clock.systemUTC(), Duration.ofSeconds(10), 32);
  }

  public WebhookHubConfig withTimeScale(double newTimeScale) {
    return new WebhookHubConfig(newTimeScale, clock, deliveryTimeout, threads);
  }

  public WebhookHubConfig withClock(Clock newClock) {
    return new WebhookHubConfig(timeScale, newClock, deliveryTimeout, threads);
  }

  public WebhookHubConfig withDeliveryTimeout(Duration newTimeout) {
    return new WebhookHubConfig(timeScale, clock, newTimeout, threads);
  }

  public WebhookHubConfig withThreads(int newThreads) {
    return new WebhookHubConfig(timeScale, clock, deliveryTimeout, newThreads);
  }
}
