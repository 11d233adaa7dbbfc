package io.headhuntr.connector.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One tenant's partner token pair (encrypted text) in the database, shared by every instance of the
 * connector, with the row lock that makes refreshes one at a time.
 *
 * <p>{@link #lockAndRead} reads the tenant's credential row under {@code SELECT ... FOR UPDATE};
 * unless the caller says the pair is usable as is, it keeps that transaction open on the calling
 * thread, so another instance wanting to refresh waits and then reads the rotated pair. {@link
 * #save} writes a pair and commits (releasing the lock); when no save follows the lock is released
 * by {@link #releaseHeld}, by the next read on the thread, or at the latest by PostgreSQL after 60
 * s idle. A tenant marked {@code needs_reconnect} reads {@link NeedsReconnect}. Every save stamps
 * {@code tokens_rotated_at}, which the keep-alive reads ({@link #lockIfRotatedBy}).
 */
public final class PartnerTokenRow {
  private final Jdbi jdbi;
  private final CredentialStore store;
  private final UUID tenantId;
  private final Clock clock;
  private final ThreadLocal<Handle> held = new ThreadLocal<>();

  PartnerTokenRow(Jdbi jdbi, CredentialStore store, UUID tenantId, Clock clock) {
    this.jdbi = jdbi;
    this.store = store;
    this.tenantId = tenantId;
    this.clock = clock;
  }

  /** The connection needs a person to connect again; the message is the recorded reason. */
  public static final class NeedsReconnect extends RuntimeException {
    NeedsReconnect(String reason) {
      super(reason);
    }
  }

  /**
   * The stored pair (decrypted text), or empty when the tenant has no partner connection; the row
   * stays locked on this thread unless {@code usableAsIs} accepts the pair.
   *
   * @throws NeedsReconnect when the connection is marked {@code needs_reconnect}
   */
  public Optional<String> lockAndRead(Predicate<String> usableAsIs) {
    return lockAndRead(rotatedAt -> false, usableAsIs);
  }

  /**
   * For the keep-alive: the stored pair (decrypted text) with the row locked on this thread when it
   * was last rotated at or before {@code cutoff} (or when that is not known); empty, holding
   * nothing, when it was rotated since (another instance just did it) or the tenant has no partner
   * connection.
   *
   * @throws NeedsReconnect when the connection is marked {@code needs_reconnect}
   */
  public Optional<String> lockIfRotatedBy(Instant cutoff) {
    return lockAndRead(
        rotatedAt -> rotatedAt.isPresent() && rotatedAt.get().isAfter(cutoff), pair -> false);
  }

  /**
   * Reads under the row lock; the lock is kept unless {@code skip} (given when the pair was last
   * rotated) or {@code usableAsIs} (given the pair) says it is not needed.
   */
  private Optional<String> lockAndRead(
      Predicate<Optional<Instant>> skip, Predicate<String> usableAsIs) {
    releaseHeld();
    Handle handle = jdbi.open();
    try {
      handle.begin();
      handle.execute("set local idle_in_transaction_session_timeout = '60s'");
      Optional<Map<String, Object>> row =
          handle
              .createQuery(
                  "select api_key_ciphertext, needs_reconnect_reason, tokens_rotated_at"
                      + " from greenhouse_credentials where tenant_id = :tenant and kind = :kind"
                      + " for update")
              .bind("tenant", tenantId)
              .bind("kind", GreenhouseCredential.V3_PARTNER)
              .mapToMap()
              .findOne();
      if (row.isEmpty()) {
        close(handle);
        return Optional.empty();
      }
      Object reason = row.get().get("needs_reconnect_reason");
      if (reason != null) {
        close(handle);
        throw new NeedsReconnect(reason.toString());
      }
      if (skip.test(rotatedAt(row.get().get("tokens_rotated_at")))) {
        close(handle);
        return Optional.empty();
      }
      String pair = store.open(tenantId, (byte[]) row.get().get("api_key_ciphertext"));
      if (usableAsIs.test(pair)) {
        close(handle);
      } else {
        held.set(handle);
      }
      return Optional.of(pair);
    } catch (RuntimeException e) {
      if (held.get() != handle) {
        close(handle);
      }
      throw e;
    }
  }

  /**
   * Keeps {@code pair} as rotated now (committing and releasing this thread's lock, if it holds
   * one).
   */
  public void save(String pair) {
    byte[] sealed = store.seal(tenantId, pair);
    Handle handle = held.get();
    held.remove();
    if (handle == null) {
      jdbi.useTransaction(h -> update(h, sealed));
      return;
    }
    try {
      update(handle, sealed);
      handle.commit();
    } finally {
      close(handle);
    }
  }

  /** Ends the row lock this thread took in {@link #lockAndRead} (a no-op when none). */
  public void releaseHeld() {
    Handle handle = held.get();
    held.remove();
    if (handle != null) {
      close(handle);
    }
  }

  private void update(Handle h, byte[] sealed) {
    int rows =
        h.createUpdate(
                "update greenhouse_credentials set api_key_ciphertext = :ct,"
                    + " tokens_rotated_at = :rotated where tenant_id = :tenant and kind = :kind")
            .bind("ct", sealed)
            .bind("rotated", Timestamp.from(clock.instant()))
            .bind("tenant", tenantId)
            .bind("kind", GreenhouseCredential.V3_PARTNER)
            .execute();
    if (rows != 1) {
      throw new IllegalStateException(
          "tenant " + tenantId + " has no Greenhouse partner connection to keep tokens in");
    }
  }

  private static Optional<Instant> rotatedAt(Object column) {
    if (column instanceof OffsetDateTime at) {
      return Optional.of(at.toInstant());
    }
    return column instanceof Timestamp at ? Optional.of(at.toInstant()) : Optional.empty();
  }

  private static void close(Handle handle) {
    try {
      if (handle.isInTransaction()) {
        handle.rollback();
      }
    } finally {
      handle.close();
    }
  }
}
