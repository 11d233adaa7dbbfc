package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.mirror.DepartmentRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.ProspectPoolRow;
import io.headhuntr.connector.mirror.SourceRow;
import io.headhuntr.connector.mirror.UpsertResult;
import io.headhuntr.connector.mirror.UserRow;

/**
 * Records the users, departments, sources, stages and pools a payload mentions in passing. Their
 * time is unknown, so they only fill gaps (insert if absent, NULL version) and never overwrite or
 * lock an existing row: many concurrent deliveries name the same ones.
 */
final class ReferenceData {
  private ReferenceData() {}

  static void user(ApplyContext ctx, JsonNode user) {
    Long id = PayloadJson.longOrNull(user, "id");
    if (id == null) {
      id = PayloadJson.longOrNull(user, "user_id");
    }
    if (id == null || ctx.known.contains(ctx.tenantId, "user", id)) {
      return;
    }
    remember(
        ctx,
        "user",
        id,
        ctx.mirror
            .references()
            .insertUserIfAbsent(
                ctx.handle,
                ctx.tenantId,
                new UserRow(
                    id,
                    PayloadJson.text(user, "name"),
                    PayloadJson.text(user, "first_name"),
                    PayloadJson.text(user, "last_name"),
                    PayloadJson.text(user, "email"),
                    PayloadJson.text(user, "employee_id"),
                    null,
                    null,
                    null,
                    null)));
  }

  static void source(ApplyContext ctx, JsonNode source) {
    Long id = PayloadJson.longOrNull(source, "id");
    if (id == null || ctx.known.contains(ctx.tenantId, "source", id)) {
      return;
    }
    String name = PayloadJson.text(source, "public_name");
    remember(
        ctx,
        "source",
        id,
        ctx.mirror
            .references()
            .insertSourceIfAbsent(
                ctx.handle,
                ctx.tenantId,
                new SourceRow(
                    id, name != null ? name : PayloadJson.text(source, "name"), null, null, null)));
  }

  static void departments(ApplyContext ctx, JsonNode job) {
    for (JsonNode department : job.path("departments")) {
      Long id = PayloadJson.longOrNull(department, "id");
      if (id != null && !ctx.known.contains(ctx.tenantId, "department", id)) {
        remember(
            ctx,
            "department",
            id,
            ctx.mirror
                .references()
                .insertDepartmentIfAbsent(
                    ctx.handle,
                    ctx.tenantId,
                    new DepartmentRow(
                        id,
                        PayloadJson.text(department, "name"),
                        PayloadJson.longOrNull(department, "parent_id"),
                        PayloadJson.text(department, "external_id"),
                        null,
                        null)));
      }
    }
  }

  static void stage(ApplyContext ctx, JsonNode stage, Long jobId) {
    Long id = PayloadJson.longOrNull(stage, "id");
    if (id == null || ctx.known.contains(ctx.tenantId, "stage", id)) {
      return;
    }
    remember(
        ctx,
        "stage",
        id,
        ctx.mirror
            .jobs()
            .insertStageIfAbsent(
                ctx.handle,
                ctx.tenantId,
                new JobStageRow(
                    id,
                    jobId,
                    PayloadJson.text(stage, "name"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)));
  }

  static void prospectPool(ApplyContext ctx, JsonNode pool) {
    Long id = PayloadJson.longOrNull(pool, "id");
    if (id == null || ctx.known.contains(ctx.tenantId, "pool", id)) {
      return;
    }
    remember(
        ctx,
        "pool",
        id,
        ctx.mirror
            .references()
            .insertProspectPoolIfAbsent(
                ctx.handle,
                ctx.tenantId,
                new ProspectPoolRow(id, PayloadJson.text(pool, "name"), null, null, null, null)));
  }

  /** Remembers a reference the database reported as already mirrored (a committed row). */
  static void remember(ApplyContext ctx, String kind, long id, UpsertResult result) {
    if (result == UpsertResult.KEPT_NEWER) {
      ctx.known.add(ctx.tenantId, kind, id);
    }
  }
}
