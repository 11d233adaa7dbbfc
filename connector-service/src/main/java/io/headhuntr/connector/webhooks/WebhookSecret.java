package io.headhuntr.connector.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** The HMAC key a tenant's webhooks are signed with; its {@code toString} never shows it. */
public record WebhookSecret(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public WebhookSecret {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret must not be empty");
    }
  }

  /** A new secret: 32 random bytes (256 bits), URL-safe Base64, easy to paste into Greenhouse. */
  public static WebhookSecret generate() {
    return new WebhookSecret(randomToken(32));
  }

  static String randomToken(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

  @Override
  public String toString() {
    return "WebhookSecret[****]";
  }
}
