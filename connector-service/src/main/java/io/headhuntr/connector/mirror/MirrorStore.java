package io.headhuntr.connector.mirror;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The local copy of a tenant's Greenhouse objects, one repository per kind. Every method takes the
 * caller's {@link Handle} so webhook processing and sync write mirror rows, outcome events and
 * their own bookkeeping in one transaction.
 *
 * <p>Ordering rule (webhooks arrive in any order, Harvest pages overlap): a row keeps {@code
 * version}, the Greenhouse time of the state it holds. Upserts replace a row only when the incoming
 * version is the same or newer; an incoming NULL version (time unknown) only replaces a row whose
 * version is NULL too; a tombstoned row is never revived. Callers choose the version: Harvest's
 * {@code updated_at} (applications: {@code last_activity_at}) for sync; webhook processors use the
 * payload's own times where it has them and otherwise the receive time (see each processor in
 * {@code io.headhuntr.connector.webhooks.apply}).
 */
public final class MirrorStore {
  private final CandidateRepository candidates = new CandidateRepository();
  private final ApplicationRepository applications = new ApplicationRepository();
  private final JobRepository jobs = new JobRepository();
  private final ReferenceRepository references = new ReferenceRepository();

  /**
   * The ordering rule as the condition of an upsert's {@code ON CONFLICT .. DO UPDATE .. WHERE},
   * for writers that batch their own statements (sync): {@code stored} is the target table's name
   * or alias, the incoming row is {@code excluded}. Versions compare to the second, because webhook
   * times have no milliseconds while Harvest's do: the same second counts as the same or newer.
   */
  public static String guardCondition(String stored) {
    return stored
        + ".deleted_at is null and ("
        + stored
        + ".version is null or excluded.version >= date_trunc('second', "
        + stored
        + ".version))";
  }

  /**
   * As {@link #guardCondition}, except that a tombstoned row is replaced by a state newer than its
   * tombstone (Greenhouse shows it again).
   */
  public static String revivingGuard(String stored) {
    return "("
        + stored
        + ".deleted_at is null or excluded.version > "
        + stored
        + ".deleted_at) and ("
        + stored
        + ".version is null or excluded.version >= date_trunc('second', "
        + stored
        + ".version))";
  }

  public CandidateRepository candidates() {
    return candidates;
  }

  public ApplicationRepository applications() {
    return applications;
  }

  public JobRepository jobs() {
    return jobs;
  }

  public ReferenceRepository references() {
    return references;
  }

  /**
   * Serializes work on one Greenhouse object ({@code kind} + id) of a tenant until the transaction
   * ends, so two workers applying deliveries about the same candidate or application read and
   * compare a consistent previous state.
   */
  public void lock(Handle handle, UUID tenantId, String kind, long id) {
    lockAll(handle, tenantId, List.of(kind + ":" + id));
  }

  /**
   * {@link #lock} for several objects in one statement, in the given order ({@code "kind:id"}
   * each); callers keep one order (candidate before application) so they cannot deadlock.
   */
  public void lockAll(Handle handle, UUID tenantId, List<String> kindIds) {
    handle
        .createQuery(
            "select count(pg_advisory_xact_lock(hashtextextended(:tenant || ':' || k, 0)))"
                + " from unnest(cast(:keys as text[])) with ordinality as t(k, n)")
        .bind("tenant", tenantId.toString())
        .bindArray("keys", String.class, kindIds)
        .mapTo(Long.class)
        .one();
  }
}
