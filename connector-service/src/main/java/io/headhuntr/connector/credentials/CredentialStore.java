package io.headhuntr.connector.credentials;

import com.google.crypto.tink.Aead;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The table of Greenhouse credentials: the secret (API key or client secret) is encrypted with the
 * master key, with the tenant id as associated data (a ciphertext copied to another tenant does not
 * decrypt).
 */
final class CredentialStore {
  private static final String COLUMNS =
      "kind, api_key_ciphertext, last4, base_url, client_id, auth_url, organization_id,"
          + " organization_name, verified_at, updated_at, needs_reconnect_reason";
  private final Jdbi jdbi;
  private final Aead aead;

  CredentialStore(Jdbi jdbi, Aead aead) {
    this.jdbi = jdbi;
    this.aead = aead;
  }

  void save(
      UUID tenantId,
      GreenhouseCredential credential,
      URI baseUrl,
      Instant verifiedAt,
      Optional<IntrospectedToken.Organization> organization) {
    String secret;
    String clientId = null;
    String authUrl = null;
    if (credential instanceof ClientCredentials client) {
      secret = client.clientSecret().value();
      clientId = client.clientId();
      authUrl = client.authUrl().toString();
    } else if (credential instanceof PartnerGrant) {
      throw new IllegalArgumentException("a partner grant is saved with its tokens (savePartner)");
    } else {
      secret = ((ApiKey) credential).value();
    }
    upsert(tenantId, credential, secret, clientId, authUrl, baseUrl, verifiedAt, organization);
  }

  /**
   * Saves a partner connection with its first token pair, rotated at {@code verifiedAt} (a
   * reconnect replaces the old one).
   */
  void savePartner(
      UUID tenantId,
      PartnerGrant grant,
      String encodedPair,
      URI baseUrl,
      Instant verifiedAt,
      Optional<IntrospectedToken.Organization> organization,
      Set<String> scopes) {
    upsert(
        tenantId,
        grant,
        encodedPair,
        grant.clientId(),
        grant.authUrl().toString(),
        baseUrl,
        verifiedAt,
        organization);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update greenhouse_credentials set granted_scopes = :scopes,"
                        + " tokens_rotated_at = :rotated where tenant_id = :tenant")
                .bind("scopes", String.join(" ", new TreeSet<>(scopes)))
                .bind("rotated", java.sql.Timestamp.from(verifiedAt))
                .bind("tenant", tenantId)
                .execute());
  }

  /**
   * Up to {@code limit} tenants whose partner connection works and whose token pair was last
   * rotated at or before {@code cutoff} (or at an unknown time), the longest unrotated first.
   */
  List<UUID> partnersRotatedBy(Instant cutoff, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select tenant_id from greenhouse_credentials where kind = :kind"
                        + " and needs_reconnect_reason is null"
                        + " and (tokens_rotated_at is null or tokens_rotated_at <= :cutoff)"
                        + " order by tokens_rotated_at nulls first limit :limit")
                .bind("kind", GreenhouseCredential.V3_PARTNER)
                .bind("cutoff", java.sql.Timestamp.from(cutoff))
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list());
  }

  /** The scopes a partner connection was granted at connect (empty for other kinds). */
  Set<String> grantedScopes(UUID tenantId) {
    String text =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select coalesce(granted_scopes, '') from greenhouse_credentials"
                            + " where tenant_id = :tenant")
                    .bind("tenant", tenantId)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(""));
    Set<String> scopes = new TreeSet<>(Arrays.asList(text.trim().split("\\s+")));
    scopes.remove("");
    return scopes;
  }

  private void upsert(
      UUID tenantId,
      GreenhouseCredential credential,
      String secret,
      String clientId,
      String authUrl,
      URI baseUrl,
      Instant verifiedAt,
      Optional<IntrospectedToken.Organization> organization) {
    byte[] ciphertext = seal(tenantId, secret);
    String client = clientId;
    String auth = authUrl;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into greenhouse_credentials (tenant_id, kind, api_key_ciphertext,"
                        + " last4, base_url, client_id, auth_url, organization_id,"
                        + " organization_name, verified_at)"
                        + " values (:tenant, :kind, :ct, :last4, :base, :client, :auth, :org,"
                        + " :org_name, :verified)"
                        + " on conflict (tenant_id) do update set kind = excluded.kind,"
                        + " api_key_ciphertext = excluded.api_key_ciphertext,"
                        + " last4 = excluded.last4, base_url = excluded.base_url,"
                        + " client_id = excluded.client_id, auth_url = excluded.auth_url,"
                        + " organization_id = excluded.organization_id,"
                        + " organization_name = excluded.organization_name,"
                        + " verified_at = excluded.verified_at, updated_at = now(),"
                        + " needs_reconnect_reason = null, needs_reconnect_at = null")
                .bind("tenant", tenantId)
                .bind("kind", credential.kind())
                .bind("ct", ciphertext)
                .bind("last4", credential.last4())
                .bind("base", baseUrl.toString())
                .bind("client", client)
                .bind("auth", auth)
                .bind("org", organization.map(IntrospectedToken.Organization::id).orElse(null))
                .bind(
                    "org_name", organization.map(IntrospectedToken.Organization::name).orElse(null))
                .bind("verified", java.sql.Timestamp.from(verifiedAt))
                .execute());
  }

  /** Marks a partner connection as needing a reconnect; the first reason is kept. */
  void markNeedsReconnect(UUID tenantId, String reason) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update greenhouse_credentials set needs_reconnect_reason ="
                        + " coalesce(needs_reconnect_reason, :reason), needs_reconnect_at ="
                        + " coalesce(needs_reconnect_at, now()) where tenant_id = :tenant"
                        + " and kind = :kind")
                .bind("reason", reason)
                .bind("tenant", tenantId)
                .bind("kind", GreenhouseCredential.V3_PARTNER)
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
                    "select " + COLUMNS + " from greenhouse_credentials where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> status(rs))
                .findOne()
                .orElse(CredentialStatus.none()));
  }

  Optional<StoredCredential> load(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select " + COLUMNS + " from greenhouse_credentials where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new StoredCredential(
                            credential(rs, decrypt(tenantId, rs.getBytes("api_key_ciphertext"))),
                            URI.create(rs.getString("base_url")),
                            rs.getTimestamp("verified_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant()))
                .findOne());
  }

  private static CredentialStatus status(ResultSet rs) throws SQLException {
    boolean v3 = rs.getString("kind").equals(GreenhouseCredential.V3_CLIENT_CREDENTIALS);
    boolean partner = rs.getString("kind").equals(GreenhouseCredential.V3_PARTNER);
    String reason = rs.getString("needs_reconnect_reason");
    long organizationId = rs.getLong("organization_id");
    Long organization = rs.wasNull() ? null : organizationId;
    return new CredentialStatus(
        true,
        rs.getString("kind"),
        v3 || partner ? null : rs.getString("last4"),
        rs.getString("client_id"),
        v3 ? rs.getString("last4") : null,
        rs.getString("base_url"),
        rs.getString("auth_url"),
        organization,
        rs.getString("organization_name"),
        rs.getTimestamp("verified_at").toInstant(),
        partner ? (reason == null ? "connected" : CredentialStatus.NEEDS_RECONNECT) : null,
        reason,
        reason == null
            ? null
            : "connect again: GET /api/v1/tenants/{tenant_id}/greenhouse/oauth/start (in a"
                + " browser, as the tenant) and authorize in Greenhouse. Pushes wait meanwhile"
                + " (nothing fails) and go on by themselves once the connection is back");
  }

  private static GreenhouseCredential credential(ResultSet rs, String secret) throws SQLException {
    if (rs.getString("kind").equals(GreenhouseCredential.V3_PARTNER)) {
      return new PartnerGrant(rs.getString("client_id"), URI.create(rs.getString("auth_url")));
    }
    if (rs.getString("kind").equals(GreenhouseCredential.V3_CLIENT_CREDENTIALS)) {
      return new ClientCredentials(
          rs.getString("client_id"),
          new ClientSecret(secret),
          URI.create(rs.getString("auth_url")));
    }
    return new ApiKey(secret);
  }

  /** Encrypts {@code secret} for {@code tenantId} (its id as associated data). */
  byte[] seal(UUID tenantId, String secret) {
    try {
      return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), aad(tenantId));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt the credential", e);
    }
  }

  /** Decrypts what {@link #seal} made for {@code tenantId}. */
  String open(UUID tenantId, byte[] ciphertext) {
    return decrypt(tenantId, ciphertext);
  }

  private String decrypt(UUID tenantId, byte[] ciphertext) {
    try {
      return new String(aead.decrypt(ciphertext, aad(tenantId)), StandardCharsets.UTF_8);
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
