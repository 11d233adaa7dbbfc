package io.headhuntr.connector.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What the test reads straight from the database the instances share: who holds which claim (a
 * claim names its process as {@code kind-xxxxxx-pid@host}), the inbox, the events, the pushes and
 * the sync checkpoints. Read-only.
 */
public final class SharedQueues {
  private final Jdbi jdbi;

  SharedQueues(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The database's clock (the instances stamp claims and finishes with it). */
  Instant now() {
    return jdbi.withHandle(
        h -> h.createQuery("select now()").mapTo(OffsetDateTime.class).one().toInstant());
  }

  /** The {@code picked_by} of the tenant's sync pass while one is running. */
  Optional<String> syncHolder(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select picked_by from scheduled_tasks where task_name = 'tenant-sync'"
                        + " and task_instance = :t and picked")
                .bind("t", tenant.toString())
                .mapTo(String.class)
                .findOne());
  }

  /** A resource's checkpoint row. */
  public record Progress(String state, int pages, Integer lastPage, long recordsSeen) {}

  Optional<Progress> progress(UUID tenant, String resource) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select state, pages, last_page, records_seen from sync_resource"
                        + " where tenant_id = :t and resource = :r")
                .bind("t", tenant)
                .bind("r", resource)
                .map(
                    (rs, ctx) ->
                        new Progress(
                            rs.getString("state"),
                            rs.getInt("pages"),
                            (Integer) rs.getObject("last_page"),
                            rs.getLong("records_seen")))
                .findOne());
  }

  Optional<Instant> backfilledAt(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select backfilled_at from sync_tenant where tenant_id = :t")
                .bind("t", tenant)
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(OffsetDateTime::toInstant));
  }

  long mirroredCandidates(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(*) from mirror_candidate where tenant_id = :t")
                .bind("t", tenant)
                .mapTo(Long.class)
                .one());
  }

  /** Inbox rows ({@code tenant/inbox_id}) and pushes ({@code push_id}) a process holds running. */
  public record Held(List<String> deliveries, List<String> pushes) {
    boolean both() {
      return !deliveries.isEmpty() && !pushes.isEmpty();
    }
  }

  Held heldBy(long pid) {
    String owner = "%-" + pid + "@%";
    return jdbi.withHandle(
        h ->
            new Held(
                h.createQuery(
                        "select tenant_id || '/' || inbox_id from webhook_inbox"
                            + " where state = 'running' and claimed_by like :o")
                    .bind("o", owner)
                    .mapTo(String.class)
                    .list(),
                h.createQuery(
                        "select push_id::text from pushes where status = 'running'"
                            + " and claimed_by like :o")
                    .bind("o", owner)
                    .mapTo(String.class)
                    .list()));
  }

  /** When the last of these inbox rows was finished; empty while any is not. */
  Optional<Instant> deliveriesFinished(List<String> rows) {
    return lastFinish(
        "select count(*) filter (where state in ('ready', 'running')), max(finished_at)"
            + " from webhook_inbox where tenant_id || '/' || inbox_id = any(:ids)",
        rows);
  }

  /** When the last of these pushes was done (or failed); empty while any is not. */
  Optional<Instant> pushesFinished(List<String> pushes) {
    return lastFinish(
        "select count(*) filter (where status in ('queued', 'running')), max(updated_at)"
            + " from pushes where push_id::text = any(:ids)",
        pushes);
  }

  private Optional<Instant> lastFinish(String sql, List<String> ids) {
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(sql)
                .bindArray("ids", String.class, ids)
                .map(
                    (rs, ctx) ->
                        rs.getLong(1) > 0
                            ? Optional.<Instant>empty()
                            : Optional.of(rs.getObject(2, OffsetDateTime.class).toInstant()))
                .one());
  }

  /** Inbox rows per state of the tenant. */
  Map<String, Long> inboxStates(UUID tenant) {
    Map<String, Long> states = new TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select state, count(*) as n from webhook_inbox where tenant_id = :t"
                        + " group by state")
                .bind("t", tenant)
                .map((rs, ctx) -> states.put(rs.getString("state"), rs.getLong("n")))
                .list());
    return states;
  }

  /** Events of {@code type} per application id of the tenant. */
  Map<Long, Long> eventsPerApplication(UUID tenant, String type) {
    Map<Long, Long> counts = new TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select application_id, count(*) as n from events where tenant_id = :t"
                        + " and type = :type group by application_id")
                .bind("t", tenant)
                .bind("type", type)
                .map((rs, ctx) -> counts.put(rs.getLong("application_id"), rs.getLong("n")))
                .list());
    return counts;
  }

  /** {@code person_pushed} events per push id of the tenant. */
  Map<String, Long> pushedEvents(UUID tenant) {
    Map<String, Long> counts = new TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select data->>'push_id' as push, count(*) as n from events"
                        + " where tenant_id = :t and type = 'person_pushed' group by 1")
                .bind("t", tenant)
                .map((rs, ctx) -> counts.put(rs.getString("push"), rs.getLong("n")))
                .list());
    return counts;
  }

  /** Pushes per status of the tenant. */
  Map<String, Long> pushStates(UUID tenant) {
    Map<String, Long> states = new TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select status, count(*) as n from pushes where tenant_id = :t group by status")
                .bind("t", tenant)
                .map((rs, ctx) -> states.put(rs.getString("status"), rs.getLong("n")))
                .list());
    return states;
  }

  /** The pushes of the tenant still queued or running: id, status, step, write sent at. */
  List<String> unfinishedPushes(UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select push_id || ' ' || status || ' ' || coalesce(step, '-') || ' sent '"
                        + " || coalesce(write_sent_at::text, '-') || ' by ' ||"
                        + " coalesce(claimed_by, '-') from pushes where tenant_id = :t"
                        + " and status in ('queued', 'running')")
                .bind("t", tenant)
                .mapTo(String.class)
                .list());
  }

  /** When each done push of the tenants was finished (its last update), by push id. */
  Map<String, Instant> pushesDoneAt(List<UUID> tenants) {
    Map<String, Instant> done = new TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select push_id::text as id, updated_at from pushes where status = 'done'"
                        + " and tenant_id = any(:t)")
                .bindArray("t", UUID.class, tenants)
                .map(
                    (rs, ctx) ->
                        done.put(
                            rs.getString("id"),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list());
    return done;
  }

  /** Mirrored applications of the tenant with ids from {@code first} to {@code last}. */
  long mirroredApplications(UUID tenant, long first, long last) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select count(*) from mirror_application where tenant_id = :t"
                        + " and application_id between :a and :b")
                .bind("t", tenant)
                .bind("a", first)
                .bind("b", last)
                .mapTo(Long.class)
                .one());
  }
}
