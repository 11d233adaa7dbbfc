package io.headhuntr.connector.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.events.EventLog;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.greenhouse.CandidateWithApplications;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.MirrorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The end of a full reconciliation. The jobs, candidates and applications the mirror holds live but
 * the full listing did not return ({@code sync_seen}), and that nothing touched since that listing
 * started, are looked up one by one in Greenhouse: a listing may page by number, so a record
 * deleted mid-listing shifts the next ones back a page and "not listed" alone proves nothing. A 404
 * tombstones the row with the mirror's delete rules (a candidate's personal data is erased) and
 * appends the event a webhook delete appends ({@code job_deleted}, {@code deleted}, {@code
 * application_deleted}); an answer means the record moved between pages, so it is upserted and
 * kept. Applications are checked for listed candidates only (the list embeds them all); those of a
 * deleted candidate go with it. Running it twice is harmless: a tombstone is final and its event is
 * appended once.
 */
final class FullReconciliation {
  /** What one run tombstoned. */
  record Deleted(int jobs, int candidates, int applications) {
    int total() {
      return jobs + candidates + applications;
    }
  }

  private final Jdbi jdbi;
  private final MirrorStore mirror;
  private final SyncCheckpoints checkpoints;
  private final EventLog events;
  private final Clock clock;

  FullReconciliation(
      Jdbi jdbi, MirrorStore mirror, SyncCheckpoints checkpoints, EventLog events, Clock clock) {
    this.jdbi = jdbi;
    this.mirror = mirror;
    this.checkpoints = checkpoints;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Checks what the listings of jobs (started {@code jobsSince}) and candidates (started {@code
   * candidatesSince}) did not return.
   */
  Deleted run(UUID tenant, Greenhouse client, Instant jobsSince, Instant candidatesSince) {
    int jobs = 0;
    for (long id : unseen(tenant, Kind.JOB, jobsSince)) {
      jobs += job(tenant, client, id, jobsSince) ? 1 : 0;
    }
    int candidates = 0;
    int applications = 0;
    for (long id : unseen(tenant, Kind.CANDIDATE, candidatesSince)) {
      int removed = candidate(tenant, client, id, candidatesSince);
      if (removed >= 0) {
        candidates++;
        applications += removed;
      }
    }
    for (long id : unseen(tenant, Kind.APPLICATION, candidatesSince)) {
      applications += application(tenant, client, id, candidatesSince) ? 1 : 0;
    }
    return new Deleted(jobs, candidates, applications);
  }

  private boolean job(UUID tenant, Greenhouse client, long id, Instant since) {
    Optional<JobRow> job = client.job(id);
    if (job.isEmpty()) {
      Instant now = clock.instant();
      return jdbi.inTransaction(
          h -> {
            mirror.lock(h, tenant, "job", id);
            Optional<JobRow> row = mirror.jobs().job(h, tenant, id);
            if (!untouched(h, tenant, Kind.JOB, id, since)
                || !mirror.jobs().tombstoneJob(h, tenant, id, now)) {
              return false;
            }
            ObjectNode data =
                MirrorJson.MAPPER
                    .createObjectNode()
                    .put("name", row.map(JobRow::name).orElse(null));
            events.append(
                h,
                tenant,
                List.of(new NewEvent("job_deleted", null, null, id, null, null, data)),
                now);
            return true;
          });
    }
    PreparedPage page = PageWriter.jobs(List.of(job.get()));
    jdbi.useTransaction(h -> keep(h, tenant, page));
    return false;
  }

  /** The applications tombstoned with the candidate, or -1 when the candidate was kept. */
  private int candidate(UUID tenant, Greenhouse client, long id, Instant since) {
    Optional<CandidateWithApplications> candidate = client.candidate(id);
    if (candidate.isEmpty()) {
      Instant now = clock.instant();
      return jdbi.inTransaction(
          h -> {
            mirror.lock(h, tenant, "candidate", id);
            if (!untouched(h, tenant, Kind.CANDIDATE, id, since)) {
              return -1;
            }
            List<Long> applications =
                h.createQuery(
                        "select application_id from mirror_application a where tenant_id = :t"
                            + " and candidate_id = :id and deleted_at is null and not exists"
                            + " (select 1 from sync_seen s where s.tenant_id = a.tenant_id"
                            + " and s.kind = 'application' and s.id = a.application_id)"
                            + " order by application_id")
                    .bind("t", tenant)
                    .bind("id", id)
                    .mapTo(Long.class)
                    .list();
            boolean fresh = mirror.candidates().eraseAndTombstone(h, tenant, id, now);
            for (long application : applications) {
              mirror.applications().tombstone(h, tenant, application, id, now);
            }
            if (!fresh) {
              return -1;
            }
            ObjectNode data = MirrorJson.MAPPER.createObjectNode();
            ArrayNode ids = data.putArray("deleted_application_ids");
            applications.forEach(ids::add);
            events.append(
                h, tenant, List.of(new NewEvent("deleted", id, null, null, null, null, data)), now);
            return applications.size();
          });
    }
    PreparedPage page = PageWriter.candidates(List.of(candidate.get()));
    jdbi.useTransaction(h -> keep(h, tenant, page));
    return -1;
  }

  private boolean application(UUID tenant, Greenhouse client, long id, Instant since) {
    Optional<ApplicationRow> application = client.application(id);
    if (application.isEmpty()) {
      Instant now = clock.instant();
      return jdbi.inTransaction(
          h -> {
            mirror.lock(h, tenant, "application", id);
            Optional<ApplicationRow> row = mirror.applications().find(h, tenant, id);
            if (row.isEmpty() || !untouched(h, tenant, Kind.APPLICATION, id, since)) {
              return false;
            }
            Long candidateId = row.get().candidateId();
            if (!mirror.applications().tombstone(h, tenant, id, candidateId, now)) {
              return false;
            }
            List<Long> jobIds = row.get().jobIds();
            ObjectNode data = MirrorJson.MAPPER.createObjectNode();
            if (row.get().prospect() == null) {
              data.putNull("prospect");
            } else {
              data.put("prospect", row.get().prospect());
            }
            events.append(
                h,
                tenant,
                List.of(
                    new NewEvent(
                        "application_deleted",
                        candidateId,
                        id,
                        jobIds.isEmpty() ? null : jobIds.get(0),
                        null,
                        null,
                        data)),
                now);
            return true;
          });
    }
    PreparedPage page = PageWriter.applications(List.of(application.get()));
    jdbi.useTransaction(h -> keep(h, tenant, page));
    return false;
  }

  /** Upserts a record that is still in Greenhouse and counts it as listed. */
  private void keep(Handle h, UUID tenant, PreparedPage page) {
    page.write(h, mirror, tenant);
    checkpoints.seen(h, tenant, page.seen());
  }

  private enum Kind {
    JOB("mirror_job", "job_id", "job", ""),
    CANDIDATE("mirror_candidate", "candidate_id", "candidate", " and r.merged_into_id is null"),
    // only applications of candidates the listing returned
    APPLICATION(
        "mirror_application",
        "application_id",
        "application",
        " and exists (select 1 from sync_seen c where c.tenant_id = r.tenant_id"
            + " and c.kind = 'candidate' and c.id = r.candidate_id)");

    final String table;
    final String id;
    final String seen;
    final String extra;

    Kind(String table, String id, String seen, String extra) {
      this.table = table;
      this.id = id;
      this.seen = seen;
      this.extra = extra;
    }
  }

  /** Live rows not listed and not written since {@code since}: the suspects. */
  private List<Long> unseen(UUID tenant, Kind kind, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select r."
                        + kind.id
                        + " from "
                        + kind.table
                        + " r where r.tenant_id = :t and r.deleted_at is null"
                        + " and r.mirrored_at < :since"
                        + kind.extra
                        + " and not exists (select 1 from sync_seen s where s.tenant_id ="
                        + " r.tenant_id and s.kind = :kind and s.id = r."
                        + kind.id
                        + ") order by r."
                        + kind.id)
                .bind("t", tenant)
                .bind("since", since)
                .bind("kind", kind.seen)
                .mapTo(Long.class)
                .list());
  }

  /** Still live and not written since {@code since} (a webhook may have just brought it). */
  private static boolean untouched(Handle h, UUID tenant, Kind kind, long id, Instant since) {
    return h.createQuery(
                "select count(*) from "
                    + kind.table
                    + " where tenant_id = :t and "
                    + kind.id
                    + " = :id and deleted_at is null and mirrored_at < :since")
            .bind("t", tenant)
            .bind("id", id)
            .bind("since", since)
            .mapTo(Integer.class)
            .one()
        > 0;
  }
}
