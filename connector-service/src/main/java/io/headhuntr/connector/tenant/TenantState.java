package io.headhuntr.connector.tenant;

import java.util.Locale;

/** Where a tenant is in its life: configured but not live, live, or stopped by an operator. */
public enum TenantState {
  DRAFT,
  ACTIVE,
  PAUSED;

  @com.fasterxml.jackson.annotation.JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TenantState fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
