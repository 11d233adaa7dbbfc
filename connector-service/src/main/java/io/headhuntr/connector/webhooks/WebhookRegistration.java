package io.headhuntr.connector.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a tenant's 14 webhooks get into Greenhouse. */
public enum WebhookRegistration {
  /**
   * The customer creates them in Greenhouse's Dev Center, as the setup guide says: a Harvest v1 key
   * or the customer's own Harvest v3 client cannot manage webhooks.
   */
  MANUAL,
  /**
   * The connector registers them itself ({@code POST /v3/webhooks}) and watches Greenhouse's {@code
   * deactivated} and {@code last_delivered}: a Harvest v3 partner connection ("Connect
   * Greenhouse").
   */
  AUTOMATIC;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
