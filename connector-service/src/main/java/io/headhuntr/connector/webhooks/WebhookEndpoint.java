package io.headhuntr.connector.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's webhook endpoint: the key in its URL, the secret, and the previous secret while a
 * rotation's grace period runs.
 */
public record WebhookEndpoint(
    UUID tenantId,
    String endpointKey,
    WebhookSecret secret,
    Optional<WebhookSecret> previousSecret,
    Optional<Instant> previousSecretExpiresAt,
    Optional<Instant> secretRotatedAt,
    Optional<Instant> lastRejectedAt) {

  /**
   * The secrets a delivery may be signed with at {@code now}: the current one, then the previous.
   */
  public List<WebhookSecret> acceptedSecrets(Instant now) {
    List<WebhookSecret> accepted = new ArrayList<>(List.of(secret));
    if (previousSecret.isPresent()
        && previousSecretExpiresAt.isPresent()
        && now.isBefore(previousSecretExpiresAt.get())) {
      accepted.add(previousSecret.get());
    }
    return accepted;
  }
}
