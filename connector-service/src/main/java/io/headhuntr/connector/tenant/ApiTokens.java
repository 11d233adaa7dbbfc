package io.headhuntr.connector.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Tenant API tokens, stored as SHA-256 hashes. A token reads {@code ghc_<tenant id hex>_<secret>}:
 * its tenant is part of it, so checking one is a single lookup of (tenant, hash) in the unique
 * index; nothing is cached, so a revoked token is refused from the next request on. (Comparing
 * SHA-256 hashes of a 256-bit secret in the index leaks nothing a timing attack could use.)
 */
public final class ApiTokens {
  static final String PREFIX = "ghc_";
  private static final String COLUMNS =
      "token_id, tenant_id, name, last4, can_create_tokens, created_at, revoked_at";
  private final Jdbi jdbi;

  public ApiTokens(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A token without the right to create tokens. */
  public CreatedToken create(UUID tenantId, String name) {
    return create(tenantId, name, false);
  }

  /** A token; {@code canCreateTokens}: it may create further tokens for its tenant. */
  public CreatedToken create(UUID tenantId, String name, boolean canCreateTokens) {
    String token = PREFIX + tenantId.toString().replace("-", "") + "_" + TokenHash.randomSecret();
    ApiToken info =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "insert into api_tokens (tenant_id, token_id, name, token_hash, last4,"
                            + " can_create_tokens) values (:tenant, :id, :name, :hash, :last4,"
                            + " :right) returning "
                            + COLUMNS)
                    .bind("tenant", tenantId)
                    .bind("id", UUID.randomUUID())
                    .bind("name", name)
                    .bind("hash", TokenHash.of(token))
                    .bind("last4", token.substring(token.length() - 4))
                    .bind("right", canCreateTokens)
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
    return identify(presented).map(TokenHolder::tenantId);
  }

  /** The holder of a presented token, when it is a live token: one indexed lookup. */
  public Optional<TokenHolder> identify(String presented) {
    Optional<UUID> tenantId = tenantOf(presented);
    if (tenantId.isEmpty()) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select token_id, can_create_tokens from api_tokens where tenant_id = :tenant"
                        + " and token_hash = :hash and revoked_at is null")
                .bind("tenant", tenantId.get())
                .bind("hash", TokenHash.of(presented))
                .map(
                    (rs, ctx) ->
                        new TokenHolder(
                            tenantId.get(),
                            rs.getObject("token_id", UUID.class),
                            rs.getBoolean("can_create_tokens")))
                .findOne());
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
        rs.getBoolean("can_create_tokens"),
        Tenants.instant(rs, "created_at"),
        Tenants.instant(rs, "revoked_at"));
  }
}
