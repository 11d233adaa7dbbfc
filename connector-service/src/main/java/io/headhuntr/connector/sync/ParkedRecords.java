package io.headhuntr.connector.sync;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Records the mirror could not store, each with why: written when a page's write is refused and its
 * records are tried one by one, removed when a later pass stores the record. The sync status lists
 * them, so a person can see what Greenhouse holds that the mirror does not.
 */
public final class ParkedRecords {
  /** One parked record: its kind ({@code candidate}, {@code application}, {@code job}), id, why. */
  public record Parked(String resource, long id, String reason, Instant parkedAt) {}

  private ParkedRecords() {}

  static void park(Handle h, UUID tenant, String kind, long id, String reason) {
    h.createUpdate(
            "insert into sync_parked (tenant_id, resource, record_id, reason) values (:t, :k, :id,"
                + " :reason) on conflict (tenant_id, resource, record_id) do update set reason ="
                + " excluded.reason, parked_at = now()")
        .bind("t", tenant)
        .bind("k", kind)
        .bind("id", id)
        .bind("reason", reason)
        .execute();
  }

  static void stored(Handle h, UUID tenant, String kind, long id) {
    h.createUpdate(
            "delete from sync_parked where tenant_id = :t and resource = :k and record_id = :id")
        .bind("t", tenant)
        .bind("k", kind)
        .bind("id", id)
        .execute();
  }

  /** The page's records were all stored: none of them is parked any more. */
  static void storedAll(Handle h, UUID tenant, List<PreparedPage.SeenIds> seen) {
    for (PreparedPage.SeenIds ids : seen) {
      if (ids.ids().length == 0) {
        continue;
      }
      h.createUpdate(
              "delete from sync_parked where tenant_id = :t and resource = :k"
                  + " and record_id = any(:ids)")
          .bind("t", tenant)
          .bind("k", ids.kind())
          .bindArray("ids", Long.class, java.util.Arrays.stream(ids.ids()).boxed().toArray())
          .execute();
    }
  }

  static List<Parked> list(Jdbi jdbi, UUID tenant, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select resource, record_id, reason, parked_at from sync_parked where"
                        + " tenant_id = :t order by parked_at desc limit :limit")
                .bind("t", tenant)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Parked(
                            rs.getString("resource"),
                            rs.getLong("record_id"),
                            rs.getString("reason"),
                            rs.getObject("parked_at", OffsetDateTime.class).toInstant()))
                .list());
  }

  /** The database's refusal in a sentence (its first line, without the SQL). */
  static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String message = String.valueOf(sql.getMessage());
        int newline = message.indexOf('\n');
        return "the mirror could not store it: "
            + (newline < 0 ? message : message.substring(0, newline)).strip();
      }
    }
    return "the mirror could not store it: " + failure.getClass().getSimpleName();
  }
}
