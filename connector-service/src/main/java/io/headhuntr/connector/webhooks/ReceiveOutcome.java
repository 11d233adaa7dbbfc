package io.headhuntr.connector.webhooks;

/** What the receiver did with one request to {@code /webhooks/greenhouse/{endpoint_key}}. */
public enum ReceiveOutcome {
  /** No tenant has this endpoint key (404). */
  UNKNOWN_ENDPOINT(404),
  /** The signature is missing or matches no accepted secret (401); nothing was recorded. */
  BAD_SIGNATURE(401),
  /** A verified ping, recorded against the webhook its label names (200). */
  PING,
  /** A verified delivery, recorded as the last delivery of its action (200). */
  DELIVERY,
  /** A verified delivery the inbox already holds (a Greenhouse retry): acknowledged again (200). */
  DUPLICATE,
  /**
   * Verified, but not JSON or without an action: acknowledged so Greenhouse stops retrying (200).
   */
  UNUSABLE;

  private final int httpStatus;

  ReceiveOutcome() {
    this(200);
  }

  ReceiveOutcome(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
