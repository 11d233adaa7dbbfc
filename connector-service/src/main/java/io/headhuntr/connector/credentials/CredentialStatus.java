package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What may be shown of a credential: whether one is saved, its kind, the last four characters of
 * its secret (an API key's {@code last4}, a client's {@code client_secret_last4}), where it points,
 * and for client credentials the organization Greenhouse named on save. Fields that do not apply
 * are left out of the JSON.
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
    Instant verifiedAt) {
  static CredentialStatus none() {
    return new CredentialStatus(false, null, null, null, null, null, null, null, null, null);
  }
}
