package io.headhuntr.connector.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code state} of a "Connect Greenhouse" round trip: random, bound to the tenant that started
 * it, kept only as its SHA-256, single-use, and valid for ten minutes.
 */
final class OAuthStates {
  static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jdbi jdbi;
  private final Clock clock;

  OAuthStates(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A new state for {@code tenantId}. */
  String issue(UUID tenantId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    jdbi.useHandle(
        h -> {
          h.createUpdate("delete from greenhouse_oauth_states where expires_at < :now")
              .bind("now", Timestamp.from(clock.instant()))
              .execute();
          h.createUpdate(
                  "insert into greenhouse_oauth_states (state_hash, tenant_id, expires_at)"
                      + " values (:hash, :tenant, :expires)")
              .bind("hash", hash(state))
              .bind("tenant", tenantId)
              .bind("expires", Timestamp.from(clock.instant().plus(LIFETIME)))
              .execute();
        });
    return state;
  }

  /** The tenant a live, unused state was issued to (using it up), or empty. */
  Optional<UUID> consume(String state) {
    if (state == null || state.isBlank() || state.length() > 200) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "update greenhouse_oauth_states set used_at = :now where state_hash = :hash"
                        + " and used_at is null and expires_at > :now returning tenant_id")
                .bind("now", Timestamp.from(clock.instant()))
                .bind("hash", hash(state))
                .mapTo(UUID.class)
                .findOne());
  }

  private static byte[] hash(String state) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
