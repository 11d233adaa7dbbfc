package io.headhuntr.connector.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one of the guide's webhooks stands, as far as this service has seen. */
public enum WebhookStatus {
  /** Greenhouse has not pinged it: not saved yet, or saved with another URL or secret. */
  WAITING_FOR_PING,
  /** Saved in Greenhouse (its ping arrived), no event delivered yet. */
  PINGED,
  /** Events arrive. */
  DELIVERING,
  /**
   * It delivered regularly, and has now been quiet for far longer than usual while the other
   * webhooks deliver: probably disabled or deleted in Greenhouse (see {@code WebhookSilence}).
   */
  SILENT,
  /**
   * The last delivery of this action could not be applied, or (for webhooks the connector
   * registers) Greenhouse reports the webhook {@code deactivated}.
   */
  FAILING;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
