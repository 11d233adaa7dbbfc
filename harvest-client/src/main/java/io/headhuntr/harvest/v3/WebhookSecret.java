package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret sent when registering a webhook: the signing key Greenhouse signs deliveries with, or
 * the Basic password it presents to the receiver. Written into the request body as plain text, but
 * {@code toString()} shows at most the last four characters.
 */
public final class WebhookSecret {
  private final String value;

  private WebhookSecret(String value) {
    this.value = value;
  }

  public static WebhookSecret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret must not be empty");
    }
    return new WebhookSecret(value);
  }

  /** The secret itself, as sent to Greenhouse; never log it. */
  @JsonValue
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookSecret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "WebhookSecret[" + Redacted.tail(value) + "]";
  }
}
