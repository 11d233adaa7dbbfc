package io.headhuntr.connector.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Tenant API tokens, stored as SHA-256 hashes. A token reads {@code ghc_<tenant id hex>_<secret>}:
 * its tenant is part of it, so checking one reads that tenant's hashes only and compares them in
 * constant time.
 */
public final class ApiTokens {
  static final String PREFIX = "ghc_";
  private static final String COLUMNS = "token_id, tenant_id, name, last4, created_at, revoked_at";
  private final Jdbi jdbi;

  public ApiTokens(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public CreatedToken create(UUID tenantId, String name) {
    String token = PREFIX + tenantId.toString().replace("-", "") + "_" + TokenHash.randomSecret();
    ApiToken info =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "insert into api_tokens (tenant_id, token_id, name, token_hash, last4)"
                            + " values (:tenant, :id, :name, :hash, :last4) returning "
                            + COLUMNS)
                    .bind("tenant", tenantId)
                    .bind("id", UUID.randomUUID())
                    .bind("name", name)
                    .bind("hash", TokenHash.of(token))
                    .bind("last4", token.substring(token.length() - 4))
                    .map((rs, ctx) -> map(rs))
                    .one());
    return new CreatedToken(info, token);
  }

  public List<ApiToken> list(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from api_tokens where tenant_id = :tenant order by created_at")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /** Revokes the token; false when the tenant has no such token. Revoking twice is harmless. */
  public boolean revoke(UUID tenantId, UUID tokenId) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update api_tokens set revoked_at = coalesce(revoked_at, now())"
                            + " where tenant_id = :tenant and token_id = :id")
                    .bind("tenant", tenantId)
                    .bind("id", tokenId)
                    .execute())
        > 0;
  }

  /** The tenant a presented token belongs to, when it is one of its live tokens. */
  public Optional<UUID> authenticate(String presented) {
    Optional<UUID> tenantId = tenantOf(presented);
    if (tenantId.isEmpty()) {
      return Optional.empty();
    }
    List<byte[]> hashes =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select token_hash from api_tokens"
                            + " where tenant_id = :tenant and revoked_at is null")
                    .bind("tenant", tenantId.get())
                    .mapTo(byte[].class)
                    .list());
    boolean match = false;
    for (byte[] hash : hashes) {
      match |= TokenHash.matches(presented, hash); // no early exit
    }
    return match ? tenantId : Optional.empty();
  }

  static Optional<UUID> tenantOf(String token) {
    if (!token.startsWith(PREFIX) || token.length() < PREFIX.length() + 33) {
      return Optional.empty();
    }
    String hex = token.substring(PREFIX.length(), PREFIX.length() + 32).toLowerCase(Locale.ROOT);
    if (token.charAt(PREFIX.length() + 32) != '_' || !hex.matches("[0-9a-f]{32}")) {
      return Optional.empty();
    }
    return Optional.of(
        UUID.fromString(
            hex.substring(0, 8)
                + "-"
                + hex.substring(8, 12)
                + "-"
                + hex.substring(12, 16)
                + "-"
                + hex.substring(16, 20)
                + "-"
                + hex.substring(20)));
  }

  private static ApiToken map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ApiToken(
        rs.getObject("token_id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("name"),
        rs.getString("last4"),
        Tenants.instant(rs, "created_at"),
        Tenants.instant(rs, "revoked_at"));
  }
}
