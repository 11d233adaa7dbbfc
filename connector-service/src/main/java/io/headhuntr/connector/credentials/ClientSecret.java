package io.headhuntr.connector.credentials;

/**
 * The secret of a Greenhouse OAuth client; {@link #toString} shows only its last four characters.
 */
public record ClientSecret(String value) {
  public ClientSecret {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a client secret must not be empty");
    }
  }

  public String last4() {
    return value.length() <= 4 ? value : value.substring(value.length() - 4);
  }

  @Override
  public String toString() {
    return "ClientSecret[****" + last4() + "]";
  }
}
