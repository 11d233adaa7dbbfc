package io.headhuntr.connector.credentials;

import com.google.crypto.tink.Aead;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The table of Greenhouse credentials: the key is encrypted with the master key, with the tenant id
 * as associated data (a ciphertext copied to another tenant does not decrypt).
 */
final class CredentialStore {
  private final Jdbi jdbi;
  private final Aead aead;

  CredentialStore(Jdbi jdbi, Aead aead) {
    this.jdbi = jdbi;
    this.aead = aead;
  }

  void save(UUID tenantId, ApiKey key, URI baseUrl, Instant verifiedAt) {
    byte[] ciphertext;
    try {
      ciphertext = aead.encrypt(key.value().getBytes(StandardCharsets.UTF_8), aad(tenantId));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt the credential", e);
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into greenhouse_credentials"
                        + " (tenant_id, api_key_ciphertext, last4, base_url, verified_at)"
                        + " values (:tenant, :ct, :last4, :base, :verified)"
                        + " on conflict (tenant_id) do update set"
                        + " api_key_ciphertext = excluded.api_key_ciphertext,"
                        + " last4 = excluded.last4, base_url = excluded.base_url,"
                        + " verified_at = excluded.verified_at, updated_at = now()")
                .bind("tenant", tenantId)
                .bind("ct", ciphertext)
                .bind("last4", key.last4())
                .bind("base", baseUrl.toString())
                .bind("verified", java.sql.Timestamp.from(verifiedAt))
                .execute());
  }

  void markVerified(UUID tenantId, Instant verifiedAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update greenhouse_credentials set verified_at = :at where tenant_id = :tenant")
                .bind("at", java.sql.Timestamp.from(verifiedAt))
                .bind("tenant", tenantId)
                .execute());
  }

  CredentialStatus status(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select last4, base_url, verified_at from greenhouse_credentials"
                        + " where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new CredentialStatus(
                            true,
                            rs.getString("last4"),
                            rs.getString("base_url"),
                            rs.getTimestamp("verified_at").toInstant()))
                .findOne()
                .orElse(CredentialStatus.none()));
  }

  Optional<StoredCredential> load(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select api_key_ciphertext, base_url, verified_at, updated_at"
                        + " from greenhouse_credentials where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new StoredCredential(
                            decrypt(tenantId, rs.getBytes("api_key_ciphertext")),
                            URI.create(rs.getString("base_url")),
                            rs.getTimestamp("verified_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant()))
                .findOne());
  }

  private ApiKey decrypt(UUID tenantId, byte[] ciphertext) {
    try {
      return new ApiKey(
          new String(aead.decrypt(ciphertext, aad(tenantId)), StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the stored credential of tenant " + tenantId + " does not decrypt with this master key");
    }
  }

  private static byte[] aad(UUID tenantId) {
    return ByteBuffer.allocate(16)
        .putLong(tenantId.getMostSignificantBits())
        .putLong(tenantId.getLeastSignificantBits())
        .array();
  }
}
