package io.headhuntr.connector.mirror;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The mirrored applications and prospects. */
public final class ApplicationRepository {
  private static final GuardedUpsert UPSERT =
      new GuardedUpsert(
          "mirror_application",
          "application_id",
          Set.of(
              "rejection_reason",
              "rejection_details",
              "prospect_pool",
              "prospect_stage",
              "prospect_owner",
              "source",
              "credited_to",
              "offer",
              "custom_fields"),
          Set.of("job_ids"));

  /** Upserts under the version guard ({@code last_activity_at} or another Greenhouse time). */
  public UpsertResult upsert(Handle handle, UUID tenantId, ApplicationRow row) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("candidate_id", row.candidateId());
    v.put("prospect", row.prospect());
    v.put("status", row.status());
    v.put("current_stage_id", row.currentStageId());
    v.put("current_stage_name", row.currentStageName());
    v.put("applied_at", row.appliedAt());
    v.put("rejected_at", row.rejectedAt());
    v.put("rejection_reason", MirrorJson.write(jsonOrNull(row.rejectionReason())));
    v.put("rejection_details", MirrorJson.write(jsonOrNull(row.rejectionDetails())));
    v.put("prospect_pool", MirrorJson.write(jsonOrNull(row.prospectPool())));
    v.put("prospect_stage", MirrorJson.write(jsonOrNull(row.prospectStage())));
    v.put("prospect_owner", MirrorJson.write(jsonOrNull(row.prospectOwner())));
    v.put("source", MirrorJson.write(jsonOrNull(row.source())));
    v.put("credited_to", MirrorJson.write(jsonOrNull(row.creditedTo())));
    v.put("job_ids", row.jobIds());
    v.put("offer", MirrorJson.write(jsonOrNull(row.offer())));
    v.put("custom_fields", MirrorJson.writeOr(row.customFields(), "{}"));
    v.put("hired_at", row.hiredAt());
    v.put("last_activity_at", row.lastActivityAt());
    v.put("version", row.version());
    return UPSERT.run(handle, tenantId, row.id(), v);
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
