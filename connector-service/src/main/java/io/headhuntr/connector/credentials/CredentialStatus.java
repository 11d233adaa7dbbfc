package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What may be shown of a credential: whether one is saved, its kind, the last four characters of
 * its secret (an API key's {@code last4}, a client's {@code client_secret_last4}), where it points,
 * and for v3 the organization Greenhouse named on save; for a partner connection its {@code status}
 * ({@code connected} or {@code needs_reconnect}, then with the {@code reason} and the {@code
 * next_step}). Fields that do not apply are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialStatus(
    boolean configured,
    String kind,
    String last4,
    String clientId,
    String clientSecretLast4,
    String baseUrl,
    String authUrl,
    Long organizationId,
    String organizationName,
    Instant verifiedAt,
    String status,
    String reason,
    String nextStep) {
  /** The {@code status} of a partner connection Greenhouse no longer honours. */
  public static final String NEEDS_RECONNECT = "needs_reconnect";

  static CredentialStatus none() {
    return new CredentialStatus(
        false, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
