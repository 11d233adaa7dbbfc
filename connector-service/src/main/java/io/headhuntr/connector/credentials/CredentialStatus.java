package io.headhuntr.connector.credentials;

import java.time.Instant;

/**
 * What may be shown of a credential: whether one is saved, the key's last four, where it points.
 */
public record CredentialStatus(
    boolean configured, String last4, String baseUrl, Instant verifiedAt) {
  static CredentialStatus none() {
    return new CredentialStatus(false, null, null, null);
  }
}
