package io.headhuntr.connector.push;

import java.util.Optional;

/**
 * A tenant's push policy: {@code link} (default: a person found by email gets an application) or
 * {@code always_create}; and the source credited when a push names none.
 */
record PushSettings(String duplicatePolicy, Optional<Long> defaultSourceId) {
  static final PushSettings DEFAULT = new PushSettings("link", Optional.empty());

  boolean links() {
    return duplicatePolicy.equals("link");
  }
}
