package io.headhuntr.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A client secret, access token or refresh token: its {@code toString} shows at most the last four
 * characters, so it never lands whole in a log or an exception message.
 */
public record Secret(String value) {
  public Secret {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
  }

  /** Constant-time comparison with a presented value. */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code ****} plus at most the last four characters. */
  public String masked() {
    return value.length() <= 8 ? "****" : "****" + value.substring(value.length() - 4);
  }

  @Override
  public String toString() {
    return masked();
  }
}
