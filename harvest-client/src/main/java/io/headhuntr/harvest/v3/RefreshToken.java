package io.headhuntr.harvest.v3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A partner refresh token. It works once: every refresh returns a new one (rotation), so the one
 * saved last in the {@link TokenStore} is the only one that still works. Prints redacted.
 */
public final class RefreshToken {
  private final String value;

  private RefreshToken(String value) {
    this.value = value;
  }

  /** A refresh token as the token endpoint answered it, or as read back from the store. */
  public static RefreshToken of(String value) {
    return new RefreshToken(Redacted.checked(value, "a refresh token"));
  }

  /** The token itself, for the refresh request or an encrypted store; never log it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RefreshToken other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "RefreshToken[" + Redacted.tail(value) + "]";
  }
}
