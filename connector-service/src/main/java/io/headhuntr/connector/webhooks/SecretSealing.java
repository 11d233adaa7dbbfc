package io.headhuntr.connector.webhooks;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * How a webhook secret is kept in its text column: {@code aead:<base64>} encrypted with the master
 * key (associated data: the tenant id) when one is configured, otherwise as the secret itself.
 * Either form is read back, so a cipher can be introduced on an existing database.
 */
final class SecretSealing {

  private static final String PREFIX = "aead:";

  private final Optional<Aead> cipher;

  SecretSealing(Optional<Aead> cipher) {
    this.cipher = cipher;
  }

  String seal(UUID tenantId, WebhookSecret secret) {
    if (cipher.isEmpty()) {
      return secret.value();
    }
    try {
      byte[] sealed =
          cipher.get().encrypt(secret.value().getBytes(StandardCharsets.UTF_8), aad(tenantId));
      return PREFIX + Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt the webhook secret", e);
    }
  }

  WebhookSecret open(UUID tenantId, String stored) {
    if (!stored.startsWith(PREFIX)) {
      return new WebhookSecret(stored);
    }
    Aead aead =
        cipher.orElseThrow(
            () ->
                new IllegalStateException(
                    "the webhook secret of tenant "
                        + tenantId
                        + " is encrypted; no key configured"));
    try {
      byte[] plain =
          aead.decrypt(
              Base64.getDecoder().decode(stored.substring(PREFIX.length())), aad(tenantId));
      return new WebhookSecret(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the webhook secret of tenant " + tenantId + " does not decrypt with this master key");
    }
  }

  private static byte[] aad(UUID tenantId) {
    return ("webhook-secret:" + tenantId).getBytes(StandardCharsets.UTF_8);
  }
}
