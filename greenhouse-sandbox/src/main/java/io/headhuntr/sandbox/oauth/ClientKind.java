package io.headhuntr.sandbox.oauth;

import java.util.Locale;

/**
 * What an OAuth client is: a customer's {@code custom} integration (client credentials) or a {@code
 * partner} app (consent, codes and refresh tokens).
 */
public enum ClientKind {
  CUSTOM,
  PARTNER;

  /** The wire name, {@code custom} or {@code partner}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind a wire name stands for; anything else is an IllegalArgumentException. */
  public static ClientKind fromWire(String wire) {
    for (ClientKind k : values()) {
      if (k.wire().equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException("kind must be custom or partner, was " + wire);
  }
}
