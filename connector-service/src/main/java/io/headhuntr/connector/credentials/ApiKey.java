package io.headhuntr.connector.credentials;

/** A Greenhouse Harvest API key; {@link #toString} shows only its last four characters. */
public record ApiKey(String value) implements GreenhouseCredential {
  public ApiKey {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an API key must not be empty");
    }
  }

  @Override
  public String kind() {
    return V1_API_KEY;
  }

  @Override
  public String last4() {
    return value.length() <= 4 ? value : value.substring(value.length() - 4);
  }

  @Override
  public String toString() {
    return "ApiKey[****" + last4() + "]";
  }
}
