package io.headhuntr.connector.tenant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Console sign-in state in PostgreSQL, so any instance serves any browser: sessions (a tenant's, or
 * the operator's) and one-time sign-in links. Only the SHA-256 of a session or link secret is
 * stored; a link is used up by the statement that exchanges it, so two browsers racing for one link
 * get one session between them.
 */
public final class ConsoleSessions {
  /** A session ends this long after sign-in, however busy it is (sign in again then). */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  /** A sign-in link must be opened within this time. */
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);

  /** A live session: the tenant it may open (empty for the operator) and its CSRF token. */
  public record Session(
      Optional<UUID> tenantId, boolean admin, String csrfToken, Instant expiresAt) {
    /** Whether this session may open {@code tenant}'s pages. */
    public boolean mayOpen(UUID tenant) {
      return admin || tenantId.map(tenant::equals).orElse(false);
    }
  }

  /** A new session: the secret for the cookie (never stored) and the session it opens. */
  public record Opened(String secret, Session session) {
    @Override
    public String toString() {
      return "Opened[secret=****, " + session + "]";
    }
  }

  /** A new sign-in link's secret (never stored) and when it stops working. */
  public record Link(String secret, Instant expiresAt) {
    @Override
    public String toString() {
      return "Link[secret=****, expiresAt=" + expiresAt + "]";
    }
  }

  private final Jdbi jdbi;
  private final Clock clock;

  public ConsoleSessions(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Opens a session for one tenant (tenant token or link) or, with no tenant, the operator's. */
  public Opened open(Optional<UUID> tenantId) {
    String secret = TokenHash.randomSecret();
    Instant now = clock.instant();
    Session session =
        new Session(
            tenantId, tenantId.isEmpty(), TokenHash.randomSecret(), now.plus(SESSION_LIFETIME));
    jdbi.useHandle(
        h -> {
          h.createUpdate("delete from console_sessions where expires_at < :now")
              .bind("now", Timestamp.from(now))
              .execute();
          h.createUpdate(
                  "insert into console_sessions (session_hash, tenant_id, admin, csrf_token,"
                      + " created_at, last_seen_at, expires_at)"
                      + " values (:hash, cast(:tenant as uuid), :admin, :csrf, :now, :now, :expires)")
              .bind("hash", TokenHash.of(secret))
              .bind("tenant", tenantId.orElse(null))
              .bind("admin", session.admin())
              .bind("csrf", session.csrfToken())
              .bind("now", Timestamp.from(now))
              .bind("expires", Timestamp.from(session.expiresAt()))
              .execute();
        });
    return new Opened(secret, session);
  }

  /** The live session a cookie's secret names, or empty (unknown, signed out or expired). */
  public Optional<Session> find(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "update console_sessions set last_seen_at = :now where session_hash = :hash"
                        + " and expires_at > :now"
                        + " returning tenant_id, admin, csrf_token, expires_at")
                .bind("now", Timestamp.from(clock.instant()))
                .bind("hash", TokenHash.of(secret))
                .map(
                    (rs, ctx) ->
                        new Session(
                            Optional.ofNullable(rs.getObject("tenant_id", UUID.class)),
                            rs.getBoolean("admin"),
                            rs.getString("csrf_token"),
                            rs.getTimestamp("expires_at").toInstant()))
                .findOne());
  }

  /** Signs the session out: its cookie opens nothing from now on. */
  public void close(String secret) {
    if (secret == null || secret.isBlank()) {
      return;
    }
    jdbi.useHandle(
        h ->
            h.createUpdate("delete from console_sessions where session_hash = :hash")
                .bind("hash", TokenHash.of(secret))
                .execute());
  }

  /** A one-time sign-in link for {@code tenantId}, valid for {@link #LINK_LIFETIME}. */
  public Link issueLink(UUID tenantId) {
    String secret = TokenHash.randomSecret();
    Instant now = clock.instant();
    Instant expires = now.plus(LINK_LIFETIME);
    jdbi.useHandle(
        h -> {
          h.createUpdate("delete from console_links where expires_at < :now")
              .bind("now", Timestamp.from(now.minus(Duration.ofDays(1))))
              .execute();
          h.createUpdate(
                  "insert into console_links (link_hash, tenant_id, expires_at)"
                      + " values (:hash, :tenant, :expires)")
              .bind("hash", TokenHash.of(secret))
              .bind("tenant", tenantId)
              .bind("expires", Timestamp.from(expires))
              .execute();
        });
    return new Link(secret, expires);
  }

  /** The tenant of a live, unused link, using it up in the same statement; empty otherwise. */
  public Optional<UUID> useLink(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "update console_links set used_at = :now where link_hash = :hash"
                        + " and used_at is null and expires_at > :now returning tenant_id")
                .bind("now", Timestamp.from(clock.instant()))
                .bind("hash", TokenHash.of(secret))
                .mapTo(UUID.class)
                .findOne());
  }
}
