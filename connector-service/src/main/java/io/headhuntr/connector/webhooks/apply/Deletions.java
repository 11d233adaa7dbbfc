package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.MirrorJson;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code job_deleted}, {@code delete_application} and {@code job_interview_stage_deleted}: each
 * leaves a tombstone (created bare when the object was never mirrored) and emits one event the
 * first time. A delete is final: it wins over any other delivery, whatever their order.
 */
final class Deletions {
  private Deletions() {}

  static ActionProcessor job() {
    return (ctx, payload) -> {
      JsonNode job = PayloadJson.object(payload, "job");
      if (job == null) {
        throw new UnusablePayloadException("payload.job is missing");
      }
      long jobId = PayloadJson.requiredId(job, "id", "payload.job");
      ctx.mirror.lock(ctx.handle, ctx.tenantId, "job", jobId);
      if (!ctx.mirror.jobs().tombstoneJob(ctx.handle, ctx.tenantId, jobId, ctx.receivedAt)) {
        return "skipped: job already deleted";
      }
      ObjectNode data =
          MirrorJson.MAPPER.createObjectNode().put("name", PayloadJson.text(job, "name"));
      ctx.emit(new NewEvent("job_deleted", null, null, jobId, null, null, data));
      return "applied";
    };
  }

  static ActionProcessor application() {
    return (ctx, payload) -> {
      JsonNode app = PayloadJson.object(payload, "application");
      if (app == null) {
        throw new UnusablePayloadException("payload.application is missing");
      }
      long applicationId = PayloadJson.requiredId(app, "id", "payload.application");
      Long candidateId = PayloadJson.longOrNull(app, "candidate_id");
      Long jobId = PayloadJson.longOrNull(app, "job_id");
      ctx.mirror.lock(ctx.handle, ctx.tenantId, "application", applicationId);
      boolean fresh =
          ctx.mirror
              .applications()
              .tombstone(ctx.handle, ctx.tenantId, applicationId, candidateId, ctx.receivedAt);
      if (!fresh) {
        return "skipped: application already deleted";
      }
      // the mirrored candidate id may differ from the payload's after a merge re-pointed it
      Long current =
          ctx.mirror
              .applications()
              .find(ctx.handle, ctx.tenantId, applicationId)
              .map(a -> a.candidateId())
              .orElse(candidateId);
      ObjectNode data = MirrorJson.MAPPER.createObjectNode();
      data.put("prospect", PayloadJson.bool(app, "prospect"));
      ctx.emit(
          new NewEvent("application_deleted", current, applicationId, jobId, null, null, data));
      return "applied";
    };
  }

  static ActionProcessor stage() {
    return (ctx, payload) -> {
      JsonNode stage = PayloadJson.object(payload, "job_interview_stage");
      if (stage == null) {
        throw new UnusablePayloadException("payload.job_interview_stage is missing");
      }
      long stageId = PayloadJson.requiredId(stage, "id", "payload.job_interview_stage");
      Instant updatedAt = PayloadJson.instant(stage, "updated_at");
      ctx.mirror.lock(ctx.handle, ctx.tenantId, "stage", stageId);
      Optional<JobStageRow> before = ctx.mirror.jobs().stage(ctx.handle, ctx.tenantId, stageId);
      if (before.isPresent() && before.get().deletedAt() != null) {
        return "skipped: stage already deleted";
      }
      JobStageRow row =
          PayloadRows.stage(stage, before, updatedAt != null ? updatedAt : ctx.receivedAt);
      ctx.mirror.jobs().upsertStage(ctx.handle, ctx.tenantId, row);
      ctx.mirror.jobs().tombstoneStage(ctx.handle, ctx.tenantId, stageId, ctx.receivedAt);
      ObjectNode data = MirrorJson.MAPPER.createObjectNode().put("name", row.name());
      data.put("stage_id", stageId);
      ctx.emit(new NewEvent("job_stage_deleted", null, null, row.jobId(), null, updatedAt, data));
      return "applied";
    };
  }
}
