package io.headhuntr.harvest.v3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * A Harvest v3 access token (a JWT, treated as opaque) and when it expires. It prints as {@code
 * ****} plus at most its last four characters.
 */
public final class AccessToken {
  private final String value;
  private final Instant expiresAt;

  private AccessToken(String value, Instant expiresAt) {
    this.value = value;
    this.expiresAt = expiresAt;
  }

  /** A token as the token endpoint answered it, e.g. one read back from a caller's store. */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(
        Redacted.checked(value, "an access token"), Objects.requireNonNull(expiresAt, "expiresAt"));
  }

  /** The token itself, for the {@code Authorization} header or an encrypted store; never log it. */
  public String reveal() {
    return value;
  }

  /** When Greenhouse stops accepting it. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The value of the {@code Authorization} header. */
  public String bearerAuthorization() {
    return "Bearer " + value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken other
        && expiresAt.equals(other.expiresAt)
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "AccessToken[" + Redacted.tail(value) + ", expires " + expiresAt + "]";
  }
}
