package io.headhuntr.connector.credentials;

import java.net.URI;
import java.time.Instant;

/**
 * A tenant's decrypted credential, in memory only while it is used.
 *
 * @param baseUrl the Harvest origin (v1 and v3 alike)
 */
public record StoredCredential(
    GreenhouseCredential credential, URI baseUrl, Instant verifiedAt, Instant updatedAt) {

  /** The v1 API key; an IllegalStateException for another kind of credential. */
  public ApiKey apiKey() {
    if (credential instanceof ApiKey key) {
      return key;
    }
    throw new IllegalStateException("a " + credential.kind() + " credential has no API key");
  }
}
