package io.headhuntr.harvest.v3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The secret of a Greenhouse OAuth client. It never prints itself: {@code toString()} shows at most
 * the last four characters, so it stays secret in a log line, an exception or a debugger.
 */
public final class ClientSecret {
  private final String value;

  private ClientSecret(String value) {
    this.value = value;
  }

  /** Wraps a client secret as Greenhouse issued it (Dev Center, or Partner Support). */
  public static ClientSecret of(String value) {
    return new ClientSecret(Redacted.checked(value, "a client secret"));
  }

  /** The secret itself, for the token request or for storing it encrypted; never log it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientSecret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "ClientSecret[" + Redacted.tail(value) + "]";
  }
}
