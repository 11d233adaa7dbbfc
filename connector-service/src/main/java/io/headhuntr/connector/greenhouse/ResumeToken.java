package io.headhuntr.connector.greenhouse;

import java.util.Objects;

/**
 * Where an interrupted listing continues, as the adapter that made it understands it (a page
 * number, a next-page URL). Opaque to everyone else; valid only with the listing it came from.
 */
public record ResumeToken(String value) {
  public ResumeToken {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a resume token is never blank");
    }
  }
}
