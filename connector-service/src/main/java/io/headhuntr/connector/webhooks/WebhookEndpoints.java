package io.headhuntr.connector.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code webhook_endpoints} table: one endpoint key and secret pair per tenant. The receiver
 * reads endpoints through a small cache ({@link #cachedByKey}), so a burst of deliveries costs no
 * query and no decryption per request; a rotation in this process clears it, and the receiver
 * reloads an entry whose secret no longer matches (a rotation by another instance).
 */
final class WebhookEndpoints {

  /** How long a cached endpoint is used before it is read again. */
  static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** A cached entry younger than this is not reloaded on a mismatch (forged requests). */
  static final long RELOAD_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

  private record Cached(WebhookEndpoint endpoint, long loadedAt) {}

  private final ConcurrentHashMap<String, Cached> byKey = new ConcurrentHashMap<>();

  private static final String COLUMNS =
      "tenant_id, endpoint_key, secret, previous_secret, previous_secret_expires_at,"
          + " secret_rotated_at, last_rejected_at";

  private final Jdbi jdbi;
  private final SecretSealing sealing;

  WebhookEndpoints(Jdbi jdbi, SecretSealing sealing) {
    this.jdbi = jdbi;
    this.sealing = sealing;
  }

  /** Creates the tenant's endpoint unless it exists; returns the stored one either way. */
  WebhookEndpoint createIfAbsent(UUID tenantId) {
    Optional<WebhookEndpoint> existing = find(tenantId);
    if (existing.isPresent()) {
      return existing.get();
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into webhook_endpoints (tenant_id, endpoint_key, secret)"
                        + " values (:tenant, :key, :secret) on conflict (tenant_id) do nothing")
                .bind("tenant", tenantId)
                .bind("key", WebhookSecret.randomToken(18))
                .bind("secret", sealing.seal(tenantId, WebhookSecret.generate()))
                .execute());
    return find(tenantId).orElseThrow();
  }

  Optional<WebhookEndpoint> find(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from webhook_endpoints where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  Optional<WebhookEndpoint> findByKey(String endpointKey) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from webhook_endpoints where endpoint_key = :key")
                .bind("key", endpointKey)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  /**
   * The endpoint with this key, from the cache when it was read in the last minute. Unknown keys
   * are not cached: each is a query, as before.
   */
  Optional<WebhookEndpoint> cachedByKey(String endpointKey) {
    Cached cached = byKey.get(endpointKey);
    if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS) {
      return Optional.of(cached.endpoint());
    }
    return reloadByKey(endpointKey);
  }

  /**
   * Reads the endpoint again when its cached copy is more than a second old (its secret may have
   * been rotated by another instance); empty when there is nothing newer to try.
   */
  Optional<WebhookEndpoint> reloadIfStale(String endpointKey) {
    Cached cached = byKey.get(endpointKey);
    if (cached != null && System.nanoTime() - cached.loadedAt() < RELOAD_AFTER_NANOS) {
      return Optional.empty();
    }
    return reloadByKey(endpointKey);
  }

  private Optional<WebhookEndpoint> reloadByKey(String endpointKey) {
    long now = System.nanoTime();
    Optional<WebhookEndpoint> found = findByKey(endpointKey);
    found.ifPresentOrElse(
        e -> byKey.put(endpointKey, new Cached(e, now)), () -> byKey.remove(endpointKey));
    return found;
  }

  /** Makes a new secret current; the old one stays accepted until {@code previousExpiresAt}. */
  void rotate(UUID tenantId, WebhookSecret newSecret, Instant now, Instant previousExpiresAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update webhook_endpoints set previous_secret = secret, secret = :secret,"
                        + " previous_secret_expires_at = :expires, secret_rotated_at = :now"
                        + " where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .bind("secret", sealing.seal(tenantId, newSecret))
                .bind("expires", OffsetDateTime.ofInstant(previousExpiresAt, ZoneOffset.UTC))
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute());
    byKey.values().removeIf(c -> c.endpoint().tenantId().equals(tenantId));
  }

  void recordRejected(UUID tenantId, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    // at most one write a minute: a flood of forged requests must not become a
                    // flood of writes
                    "update webhook_endpoints set last_rejected_at = :at where tenant_id = :tenant"
                        + " and (last_rejected_at is null"
                        + " or last_rejected_at < :at - interval '1 minute')")
                .bind("tenant", tenantId)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .execute());
  }

  private WebhookEndpoint read(ResultSet rs) throws SQLException {
    UUID tenantId = rs.getObject("tenant_id", UUID.class);
    return new WebhookEndpoint(
        tenantId,
        rs.getString("endpoint_key"),
        sealing.open(tenantId, rs.getString("secret")),
        Optional.ofNullable(rs.getString("previous_secret")).map(s -> sealing.open(tenantId, s)),
        instant(rs, "previous_secret_expires_at"),
        instant(rs, "secret_rotated_at"),
        instant(rs, "last_rejected_at"));
  }

  static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
