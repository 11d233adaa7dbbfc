package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.mirror.DepartmentRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.ProspectPoolRow;
import io.headhuntr.connector.mirror.SourceRow;
import io.headhuntr.connector.mirror.UserRow;

/**
 * Gathers the users, departments, sources, stages and pools a payload mentions in passing into the
 * transaction's {@link PassingReferences}. Their time is unknown, so they only fill gaps (insert if
 * absent, NULL version) and never overwrite or lock an existing row: many concurrent deliveries
 * name the same ones.
 */
final class ReferenceData {
  private ReferenceData() {}

  static void user(ApplyContext ctx, JsonNode user) {
    Long id = PayloadJson.longOrNull(user, "id");
    if (id == null) {
      id = PayloadJson.longOrNull(user, "user_id");
    }
    if (id == null || !ctx.references.wants("user", id)) {
      return;
    }
    ctx.references.user(
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
            null));
  }

  static void source(ApplyContext ctx, JsonNode source) {
    Long id = PayloadJson.longOrNull(source, "id");
    if (id == null || !ctx.references.wants("source", id)) {
      return;
    }
    String name = PayloadJson.text(source, "public_name");
    ctx.references.source(
        new SourceRow(
            id, name != null ? name : PayloadJson.text(source, "name"), null, null, null));
  }

  static void departments(ApplyContext ctx, JsonNode job) {
    for (JsonNode department : job.path("departments")) {
      Long id = PayloadJson.longOrNull(department, "id");
      if (id != null && ctx.references.wants("department", id)) {
        ctx.references.department(
            new DepartmentRow(
                id,
                PayloadJson.text(department, "name"),
                PayloadJson.longOrNull(department, "parent_id"),
                PayloadJson.text(department, "external_id"),
                null,
                null));
      }
    }
  }

  static void stage(ApplyContext ctx, JsonNode stage, Long jobId) {
    Long id = PayloadJson.longOrNull(stage, "id");
    if (id == null || !ctx.references.wants("stage", id)) {
      return;
    }
    ctx.references.stage(
        new JobStageRow(
            id, jobId, PayloadJson.text(stage, "name"), null, null, null, null, null, null));
  }

  static void prospectPool(ApplyContext ctx, JsonNode pool) {
    Long id = PayloadJson.longOrNull(pool, "id");
    if (id == null || !ctx.references.wants("pool", id)) {
      return;
    }
    ctx.references.pool(
        new ProspectPoolRow(id, PayloadJson.text(pool, "name"), null, null, null, null));
  }
}
