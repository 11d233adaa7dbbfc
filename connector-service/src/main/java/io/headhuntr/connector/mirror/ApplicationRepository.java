package io.headhuntr.connector.mirror;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The mirrored applications and prospects. */
public final class ApplicationRepository {
  private static final GuardedUpsert UPSERT =
      new GuardedUpsert("mirror_application", "application_id");

  private static final List<String> COLUMNS =
      List.of(
          "candidate_id",
          "prospect",
          "status",
          "current_stage_id",
          "current_stage_name",
          "applied_at",
          "rejected_at",
          "rejection_reason",
          "rejection_details",
          "prospect_pool",
          "prospect_stage",
          "prospect_owner",
          "source",
          "credited_to",
          "job_ids",
          "offer",
          "custom_fields",
          "hired_at",
          "last_activity_at",
          "version");

  /** Applications ready to be written (see {@link #prepare}); the last of two with one id wins. */
  public static final class Prepared {
    private final GuardedUpsert.Rows rows = new GuardedUpsert.Rows(COLUMNS);

    public int size() {
      return rows.size();
    }
  }

  /** Turns applications into what {@link #upsert(Handle, UUID, Prepared)} binds. */
  public static Prepared prepare(Collection<ApplicationRow> applications) {
    Prepared prepared = new Prepared();
    for (ApplicationRow row : applications) {
      prepared.rows.add(
          row.id(),
          row.candidateId(),
          row.prospect(),
          row.status(),
          row.currentStageId(),
          row.currentStageName(),
          row.appliedAt(),
          row.rejectedAt(),
          MirrorJson.write(jsonOrNull(row.rejectionReason())),
          MirrorJson.write(jsonOrNull(row.rejectionDetails())),
          MirrorJson.write(jsonOrNull(row.prospectPool())),
          MirrorJson.write(jsonOrNull(row.prospectStage())),
          MirrorJson.write(jsonOrNull(row.prospectOwner())),
          MirrorJson.write(jsonOrNull(row.source())),
          MirrorJson.write(jsonOrNull(row.creditedTo())),
          row.jobIds(),
          MirrorJson.write(jsonOrNull(row.offer())),
          MirrorJson.writeOr(row.customFields(), "{}"),
          row.hiredAt(),
          row.lastActivityAt(),
          row.version());
    }
    return prepared;
  }

  /** Upserts under the version guard ({@code last_activity_at} or another Greenhouse time). */
  public UpsertResult upsert(Handle handle, UUID tenantId, ApplicationRow row) {
    return upsert(handle, tenantId, prepare(List.of(row))).get(row.id());
  }

  /**
   * Upserts the applications in one statement under the version guard; says for every id what
   * happened to it.
   */
  public Map<Long, UpsertResult> upsert(Handle handle, UUID tenantId, Prepared applications) {
    return UPSERT.upsert(handle, tenantId, applications.rows);
  }

  /**
   * Reads and row-locks the mirrored applications among {@code ids} for the rest of the
   * transaction, by id.
   */
  public Map<Long, ApplicationRow> findAllForUpdate(
      Handle handle, UUID tenantId, Collection<Long> ids) {
    Map<Long, ApplicationRow> found = new HashMap<>();
    handle
        .createQuery(
            "select * from mirror_application where tenant_id = :tenant"
                + " and application_id = any(:ids) order by application_id for update")
        .bind("tenant", tenantId)
        .bindArray("ids", Long.class, ids)
        .map((rs, ctx) -> read(rs))
        .forEach(row -> found.put(row.id(), row));
    return found;
  }

  public Optional<ApplicationRow> find(Handle handle, UUID tenantId, long applicationId) {
    return handle
        .createQuery(
            "select * from mirror_application where tenant_id = :tenant and application_id = :id")
        .bind("tenant", tenantId)
        .bind("id", applicationId)
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  /** Reads and row-locks the application for the rest of the transaction, if mirrored. */
  public Optional<ApplicationRow> findForUpdate(Handle handle, UUID tenantId, long applicationId) {
    return handle
        .createQuery(
            "select * from mirror_application where tenant_id = :tenant and application_id = :id"
                + " for update")
        .bind("tenant", tenantId)
        .bind("id", applicationId)
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  /** The candidate's applications, deleted ones included (their {@code deleted_at} says so). */
  public List<ApplicationRow> ofCandidate(Handle handle, UUID tenantId, long candidateId) {
    return handle
        .createQuery(
            "select * from mirror_application where tenant_id = :tenant"
                + " and candidate_id = :candidate order by application_id")
        .bind("tenant", tenantId)
        .bind("candidate", candidateId)
        .map((rs, ctx) -> read(rs))
        .list();
  }

  /**
   * Tombstones the application, creating the tombstone (with what the delete payload names) when it
   * was never mirrored. True when it was not deleted before.
   */
  public boolean tombstone(
      Handle handle, UUID tenantId, long applicationId, Long candidateId, Instant at) {
    boolean fresh =
        Tombstones.mark(
            handle, "mirror_application", "application_id", tenantId, applicationId, at);
    if (candidateId != null) {
      handle
          .createUpdate(
              "update mirror_application set candidate_id = coalesce(candidate_id, :candidate)"
                  + " where tenant_id = :tenant and application_id = :id")
          .bind("tenant", tenantId)
          .bind("id", applicationId)
          .bind("candidate", candidateId)
          .execute();
    }
    return fresh;
  }

  private static java.util.List<Long> jobIds(ResultSet rs) throws SQLException {
    Array array = rs.getArray("job_ids");
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((Long[]) array.getArray());
  }

  private static com.fasterxml.jackson.databind.JsonNode jsonOrNull(
      com.fasterxml.jackson.databind.JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  static ApplicationRow read(ResultSet rs) throws SQLException {
    return new ApplicationRow(
        rs.getLong("application_id"),
        MirrorJson.longOrNull(rs, "candidate_id"),
        MirrorJson.boolOrNull(rs, "prospect"),
        rs.getString("status"),
        MirrorJson.longOrNull(rs, "current_stage_id"),
        rs.getString("current_stage_name"),
        MirrorJson.instant(rs, "applied_at"),
        MirrorJson.instant(rs, "rejected_at"),
        MirrorJson.read(rs, "rejection_reason"),
        MirrorJson.read(rs, "rejection_details"),
        MirrorJson.read(rs, "prospect_pool"),
        MirrorJson.read(rs, "prospect_stage"),
        MirrorJson.read(rs, "prospect_owner"),
        MirrorJson.read(rs, "source"),
        MirrorJson.read(rs, "credited_to"),
        jobIds(rs),
        MirrorJson.read(rs, "offer"),
        MirrorJson.read(rs, "custom_fields"),
        MirrorJson.instant(rs, "hired_at"),
        MirrorJson.instant(rs, "last_activity_at"),
        MirrorJson.instant(rs, "version"),
        MirrorJson.instant(rs, "deleted_at"));
  }
}
