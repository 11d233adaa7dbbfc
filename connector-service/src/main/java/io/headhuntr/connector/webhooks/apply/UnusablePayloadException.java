package io.headhuntr.connector.webhooks.apply;

/**
 * A delivery that can never be applied as it stands (not JSON, no {@code action}, a payload without
 * the object its action needs): parked at once with this message as the reason, not retried.
 */
public final class UnusablePayloadException extends RuntimeException {
  public UnusablePayloadException(String reason) {
    super(reason);
  }
}
