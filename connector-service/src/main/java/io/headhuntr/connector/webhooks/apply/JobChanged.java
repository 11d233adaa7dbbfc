package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.UpsertResult;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code job_created}, {@code job_updated} and {@code job_approved} ({@code payload.job}; the
 * approval also records {@code payload.approval_flow}). Job payloads carry no {@code updated_at}:
 * the version is the payload's {@code updated_at} when present, else the receive time.
 */
final class JobChanged implements ActionProcessor {
  private final String action;

  JobChanged(String action) {
    this.action = action;
  }

  @Override
  public String apply(ApplyContext ctx, JsonNode payload) {
    JsonNode job = PayloadJson.object(payload, "job");
    if (job == null) {
      throw new UnusablePayloadException("payload.job is missing");
    }
    long jobId = PayloadJson.requiredId(job, "id", "payload.job");
    Instant updatedAt = PayloadJson.instant(job, "updated_at");
    Instant version = updatedAt != null ? updatedAt : ctx.receivedAt;
    ctx.mirror.lock(ctx.handle, ctx.tenantId, "job", jobId);
    Optional<JobRow> before = ctx.mirror.jobs().job(ctx.handle, ctx.tenantId, jobId);
    if (before.isPresent() && before.get().deletedAt() != null) {
      return "skipped: job was deleted";
    }
    if (before.isPresent() && ApplicationChanged.isOlder(version, before.get().version())) {
      return "skipped: mirror holds newer data (" + before.get().version() + ")";
    }
    ReferenceData.departments(ctx, job);
    JobRow row = PayloadRows.job(job, before, version);
    if (action.equals("job_approved")) {
      ObjectNode approval = MirrorJson.MAPPER.createObjectNode();
      approval.put(
          "approval_flow_type",
          PayloadJson.text(PayloadJson.object(payload, "approval_flow"), "approval_flow_type"));
      approval.put("approved_at", ctx.receivedAt.toString());
      row = withApproval(row, approval);
    }
    UpsertResult result = ctx.mirror.jobs().upsertJob(ctx.handle, ctx.tenantId, row);
    if (!result.changed()) {
      return "skipped: mirror holds newer data";
    }
    String type = action;
    ObjectNode data = MirrorJson.MAPPER.createObjectNode();
    data.put("name", row.name());
    data.put("status", row.status());
    if (row.approval() != null) {
      data.set("approval", row.approval());
    }
    ctx.emit(new NewEvent(type, null, null, jobId, null, updatedAt, data));
    return "applied";
  }

  /** A job embedded in an application payload: fills a gap, never overwrites or locks a row. */
  static void recordEmbedded(ApplyContext ctx, JsonNode job) {
    Long jobId = PayloadJson.longOrNull(job, "id");
    if (jobId == null) {
      return;
    }
    if (!ctx.references.wants("job", jobId)) {
      return;
    }
    ReferenceData.departments(ctx, job);
    ctx.references.job(PayloadRows.job(job, Optional.empty(), null));
  }

  private static JobRow withApproval(JobRow r, JsonNode approval) {
    return new JobRow(
        r.id(),
        r.name(),
        r.requisitionId(),
        r.notes(),
        r.confidential(),
        r.status(),
        r.jobPostId(),
        r.createdById(),
        r.createdAt(),
        r.openedAt(),
        r.closedAt(),
        r.departments(),
        r.offices(),
        r.hiringTeam(),
        r.openings(),
        r.customFields(),
        approval,
        r.updatedAt(),
        r.version(),
        r.deletedAt());
  }
}
