package io.headhuntr.harvest.v3;

/**
 * How every secret of this package prints: {@code ****} and, for long values, the last four
 * characters.
 */
final class Redacted {
  private static final int SHOW_TAIL_FROM = 16;

  private Redacted() {}

  static String tail(String secret) {
    return "****"
        + (secret.length() >= SHOW_TAIL_FROM ? secret.substring(secret.length() - 4) : "");
  }

  static String checked(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (value.strip().length() != value.length()) {
      throw new IllegalArgumentException(
          what + " must not start or end with spaces (check what was pasted)");
    }
    return value;
  }
}
