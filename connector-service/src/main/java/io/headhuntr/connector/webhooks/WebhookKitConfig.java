package io.headhuntr.connector.webhooks;

import com.google.crypto.tink.Aead;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the webhook setup kit.
 *
 * @param publicBaseUrl the origin Greenhouse reaches this service at; a tenant's own {@code
 *     public_base_url} wins over it
 * @param secretGracePeriod how long the previous secret keeps working after a rotation (default 24
 *     h)
 * @param defaultErrorRecipient the error recipient email of the guide, for tenants without their
 *     own
 * @param clock the time source (tests move it)
 * @param secretCipher when present, webhook secrets are stored encrypted with it (the master key;
 *     the tenant id is the associated data); without it they are stored as text, never logged
 */
public record WebhookKitConfig(
    URI publicBaseUrl,
    Duration secretGracePeriod,
    String defaultErrorRecipient,
    Clock clock,
    Optional<Aead> secretCipher) {

  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);
  public static final String DEFAULT_ERROR_RECIPIENT = "ats@headhuntr.io";

  public WebhookKitConfig {
    if (publicBaseUrl == null || publicBaseUrl.getScheme() == null) {
      throw new IllegalArgumentException(
          "publicBaseUrl must be an absolute URL, got " + publicBaseUrl);
    }
    if (secretGracePeriod == null || secretGracePeriod.isNegative()) {
      throw new IllegalArgumentException("secretGracePeriod must be zero or more");
    }
    if (defaultErrorRecipient == null || !defaultErrorRecipient.contains("@")) {
      throw new IllegalArgumentException("defaultErrorRecipient must be an email address");
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock is required");
    }
    if (secretCipher == null) {
      throw new IllegalArgumentException("secretCipher must be an Optional");
    }
  }

  /** The defaults: 24 h grace, {@code ats@headhuntr.io}, the system clock. */
  public static WebhookKitConfig of(URI publicBaseUrl) {
    return new WebhookKitConfig(
        publicBaseUrl,
        DEFAULT_GRACE_PERIOD,
        DEFAULT_ERROR_RECIPIENT,
        Clock.systemUTC(),
        Optional.empty());
  }

  public WebhookKitConfig withClock(Clock newClock) {
    return new WebhookKitConfig(
        publicBaseUrl, secretGracePeriod, defaultErrorRecipient, newClock, secretCipher);
  }

  public WebhookKitConfig withSecretGracePeriod(Duration grace) {
    return new WebhookKitConfig(publicBaseUrl, grace, defaultErrorRecipient, clock, secretCipher);
  }

  /** Stores the webhook secrets encrypted with {@code masterKey}. */
  public WebhookKitConfig withSecretCipher(Aead masterKey) {
    return new WebhookKitConfig(
        publicBaseUrl, secretGracePeriod, defaultErrorRecipient, clock, Optional.of(masterKey));
  }
}
