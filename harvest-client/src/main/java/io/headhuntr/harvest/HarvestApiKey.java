package io.headhuntr.harvest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A Harvest API key. It never prints itself: {@code toString()} shows at most the last four
 * characters, so a key that reaches a log line, an exception or a debugger view stays secret.
 */
public final class HarvestApiKey {
  private final String value;

  private HarvestApiKey(String value) {
    this.value = value;
  }

  /** Wraps a key as copied from Greenhouse (Configure, Dev Center, API Credential Management). */
  public static HarvestApiKey of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a Harvest API key must not be empty");
    }
    if (value.strip().length() != value.length() || value.contains(":")) {
      throw new IllegalArgumentException(
          "a Harvest API key must not contain spaces or ':' (check what was pasted)");
    }
    return new HarvestApiKey(value);
  }

  /**
   * The value of the {@code Authorization} header: Basic auth with the key as user and an empty
   * password.
   */
  public String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder().encodeToString((value + ":").getBytes(StandardCharsets.UTF_8));
  }

  /** The key itself, for storing it encrypted; never log it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HarvestApiKey other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    String tail = value.length() >= 16 ? value.substring(value.length() - 4) : "";
    return "HarvestApiKey[****" + tail + "]";
  }
}
