package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The mirrored jobs, job posts and job stages. */
public final class JobRepository {
  private static final GuardedUpsert JOBS = new GuardedUpsert("mirror_job", "job_id");
  private static final GuardedUpsert POSTS =
      new GuardedUpsert("mirror_job_post", "job_post_id", true);
  private static final GuardedUpsert STAGES =
      new GuardedUpsert("mirror_job_stage", "stage_id", true);

  public UpsertResult upsertJob(Handle handle, UUID tenantId, JobRow row) {
    return JOBS.run(handle, tenantId, row.id(), columns(row));
  }

  /**
   * A job as Harvest's job listing shows it: that carries no {@code job_post_id}, so the one a
   * webhook stored is kept (the job's posts are found by their {@code job_id} either way).
   */
  public UpsertResult upsertListedJob(Handle handle, UUID tenantId, JobRow row) {
    return upsertListedJobs(handle, tenantId, List.of(row)).get(row.id());
  }

  /** A page of listed jobs, in one statement (see {@link #upsertListedJob}). */
  public Map<Long, UpsertResult> upsertListedJobs(
      Handle handle, UUID tenantId, Collection<JobRow> rows) {
    return rows.isEmpty()
        ? Map.of()
        : JOBS.upsert(
            handle, tenantId, GuardedUpsert.rowsOf(rows, JobRow::id, JobRepository::listed));
  }

  private static Map<String, Object> listed(JobRow row) {
    Map<String, Object> v = columns(row);
    v.remove("job_post_id");
    return v;
  }

  /** The live posts of a job, by id. */
  public List<JobPostRow> postsOf(Handle handle, UUID tenantId, long jobId) {
    return handle
        .createQuery(
            "select * from mirror_job_post where tenant_id = :tenant and job_id = :job"
                + " and deleted_at is null order by job_post_id")
        .bind("tenant", tenantId)
        .bind("job", jobId)
        .map((rs, ctx) -> readPost(rs))
        .list();
  }

  /** Records a job a payload mentions in passing (inside an application), unless mirrored. */
  public UpsertResult insertJobIfAbsent(Handle handle, UUID tenantId, JobRow row) {
    return JOBS.insertIfAbsent(handle, tenantId, row.id(), columns(row));
  }

  private static Map<String, Object> columns(JobRow row) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", row.name());
    v.put("requisition_id", row.requisitionId());
    v.put("notes", row.notes());
    v.put("confidential", row.confidential());
    v.put("status", row.status());
    v.put("job_post_id", row.jobPostId());
    v.put("created_by_id", row.createdById());
    v.put("created_at", row.createdAt());
    v.put("opened_at", row.openedAt());
    v.put("closed_at", row.closedAt());
    v.put("departments", MirrorJson.writeOr(row.departments(), "[]"));
    v.put("offices", MirrorJson.writeOr(row.offices(), "[]"));
    v.put("hiring_team", MirrorJson.writeOr(row.hiringTeam(), "{}"));
    v.put("openings", MirrorJson.writeOr(row.openings(), "[]"));
    v.put("custom_fields", MirrorJson.writeOr(row.customFields(), "{}"));
    v.put(
        "approval",
        MirrorJson.write(
            row.approval() == null || row.approval().isNull() ? null : row.approval()));
    v.put("updated_at", row.updatedAt());
    v.put("version", row.version());
    return v;
  }

  /** Records jobs applications mention in passing, unless mirrored; returns the ids inserted. */
  public Set<Long> insertJobsIfAbsent(Handle handle, UUID tenantId, Collection<JobRow> rows) {
    return JOBS.insertAllIfAbsent(handle, tenantId, rows, JobRow::id, JobRepository::columns);
  }

  /** Records stages applications mention in passing, unless mirrored; the ids inserted. */
  public Set<Long> insertStagesIfAbsent(
      Handle handle, UUID tenantId, Collection<JobStageRow> rows) {
    return STAGES.insertAllIfAbsent(
        handle, tenantId, rows, JobStageRow::id, JobRepository::columns);
  }

  public UpsertResult upsertJobPost(Handle handle, UUID tenantId, JobPostRow row) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("job_id", row.jobId());
    v.put("title", row.title());
    if (row.location() == null || !row.location().isMissingNode()) {
      v.put(
          "location",
          row.location() == null || row.location().isNull()
              ? null
              : MirrorJson.write(row.location()));
    }
    v.put("content", row.content());
    v.put("internal_content", row.internalContent());
    v.put("external", row.external());
    v.put("internal", row.internal());
    v.put("live", row.live());
    v.put("questions", MirrorJson.writeOr(row.questions(), "[]"));
    v.put("updated_at", row.updatedAt());
    v.put("version", row.version());
    return POSTS.run(handle, tenantId, row.id(), v);
  }

  public UpsertResult upsertStage(Handle handle, UUID tenantId, JobStageRow row) {
    return STAGES.run(handle, tenantId, row.id(), columns(row));
  }

  /** Records a stage a payload mentions in passing (an application's current stage). */
  public UpsertResult insertStageIfAbsent(Handle handle, UUID tenantId, JobStageRow row) {
    return STAGES.insertIfAbsent(handle, tenantId, row.id(), columns(row));
  }

  private static Map<String, Object> columns(JobStageRow row) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("job_id", row.jobId());
    v.put("name", row.name());
    v.put("active", row.active());
    v.put("priority", row.priority());
    v.put("created_at", row.createdAt());
    v.put("updated_at", row.updatedAt());
    v.put("version", row.version());
    return v;
  }

  /** Tombstones the job; true when it was not deleted before. */
  public boolean tombstoneJob(Handle handle, UUID tenantId, long jobId, Instant at) {
    return Tombstones.mark(handle, "mirror_job", "job_id", tenantId, jobId, at);
  }

  public boolean tombstoneJobPost(Handle handle, UUID tenantId, long jobPostId, Instant at) {
    return Tombstones.mark(handle, "mirror_job_post", "job_post_id", tenantId, jobPostId, at);
  }

  public boolean tombstoneStage(Handle handle, UUID tenantId, long stageId, Instant at) {
    return Tombstones.mark(handle, "mirror_job_stage", "stage_id", tenantId, stageId, at);
  }

  public Optional<JobRow> job(Handle handle, UUID tenantId, long jobId) {
    return handle
        .createQuery("select * from mirror_job where tenant_id = :tenant and job_id = :id")
        .bind("tenant", tenantId)
        .bind("id", jobId)
        .map((rs, ctx) -> readJob(rs))
        .findOne();
  }

  /** Live jobs (not deleted), by id, at most {@code limit} after {@code afterId}. */
  public List<JobRow> jobs(Handle handle, UUID tenantId, long afterId, int limit) {
    return handle
        .createQuery(
            "select * from mirror_job where tenant_id = :tenant and deleted_at is null"
                + " and job_id > :after order by job_id limit :limit")
        .bind("tenant", tenantId)
        .bind("after", afterId)
        .bind("limit", limit)
        .map((rs, ctx) -> readJob(rs))
        .list();
  }

  public Optional<JobPostRow> jobPost(Handle handle, UUID tenantId, long jobPostId) {
    return handle
        .createQuery(
            "select * from mirror_job_post where tenant_id = :tenant and job_post_id = :id")
        .bind("tenant", tenantId)
        .bind("id", jobPostId)
        .map((rs, ctx) -> readPost(rs))
        .findOne();
  }

  public Optional<JobStageRow> stage(Handle handle, UUID tenantId, long stageId) {
    return handle
        .createQuery("select * from mirror_job_stage where tenant_id = :tenant and stage_id = :id")
        .bind("tenant", tenantId)
        .bind("id", stageId)
        .map((rs, ctx) -> readStage(rs))
        .findOne();
  }

  /** The live stages of a job, in Greenhouse's order when known. */
  public List<JobStageRow> stagesOf(Handle handle, UUID tenantId, long jobId) {
    return handle
        .createQuery(
            "select * from mirror_job_stage where tenant_id = :tenant and job_id = :job"
                + " and deleted_at is null order by priority nulls last, stage_id")
        .bind("tenant", tenantId)
        .bind("job", jobId)
        .map((rs, ctx) -> readStage(rs))
        .list();
  }

  private static JobRow readJob(ResultSet rs) throws SQLException {
    return new JobRow(
        rs.getLong("job_id"),
        rs.getString("name"),
        rs.getString("requisition_id"),
        rs.getString("notes"),
        MirrorJson.boolOrNull(rs, "confidential"),
        rs.getString("status"),
        MirrorJson.longOrNull(rs, "job_post_id"),
        MirrorJson.longOrNull(rs, "created_by_id"),
        MirrorJson.instant(rs, "created_at"),
        MirrorJson.instant(rs, "opened_at"),
        MirrorJson.instant(rs, "closed_at"),
        MirrorJson.read(rs, "departments"),
        MirrorJson.read(rs, "offices"),
        MirrorJson.read(rs, "hiring_team"),
        MirrorJson.read(rs, "openings"),
        MirrorJson.read(rs, "custom_fields"),
        MirrorJson.read(rs, "approval"),
        MirrorJson.instant(rs, "updated_at"),
        MirrorJson.instant(rs, "version"),
        MirrorJson.instant(rs, "deleted_at"));
  }

  private static JobPostRow readPost(ResultSet rs) throws SQLException {
    JsonNode questions = MirrorJson.read(rs, "questions");
    return new JobPostRow(
        rs.getLong("job_post_id"),
        MirrorJson.longOrNull(rs, "job_id"),
        rs.getString("title"),
        MirrorJson.read(rs, "location"),
        rs.getString("content"),
        rs.getString("internal_content"),
        MirrorJson.boolOrNull(rs, "external"),
        MirrorJson.boolOrNull(rs, "internal"),
        MirrorJson.boolOrNull(rs, "live"),
        questions,
        MirrorJson.instant(rs, "updated_at"),
        MirrorJson.instant(rs, "version"),
        MirrorJson.instant(rs, "deleted_at"));
  }

  private static JobStageRow readStage(ResultSet rs) throws SQLException {
    return new JobStageRow(
        rs.getLong("stage_id"),
        MirrorJson.longOrNull(rs, "job_id"),
        rs.getString("name"),
        MirrorJson.boolOrNull(rs, "active"),
        MirrorJson.intOrNull(rs, "priority"),
        MirrorJson.instant(rs, "created_at"),
        MirrorJson.instant(rs, "updated_at"),
        MirrorJson.instant(rs, "version"),
        MirrorJson.instant(rs, "deleted_at"));
  }
}
