package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.MirrorJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Turns webhook payload objects into mirror rows. Payloads are often partial (the candidate inside
 * {@code hire_candidate} has no tags, {@code hire_candidate} has no status): a field the payload
 * does not carry keeps its mirrored value; a field it carries, even as {@code null}, replaces it.
 */
final class PayloadRows {
  private static final List<String> CANDIDATE_FIELDS =
      List.of(
          "first_name",
          "last_name",
          "company",
          "title",
          "is_private",
          "can_email",
          "external_id",
          "recruiter",
          "coordinator",
          "email_addresses",
          "phone_numbers",
          "addresses",
          "website_addresses",
          "social_media_addresses",
          "educations",
          "employments",
          "attachments",
          "tags",
          "custom_fields",
          "created_at");
  private static final List<String> JOB_FIELDS =
      List.of(
          "name",
          "requisition_id",
          "notes",
          "confidential",
          "status",
          "job_post_id",
          "created_by_id",
          "created_at",
          "opened_at",
          "closed_at",
          "departments",
          "offices",
          "hiring_team",
          "openings",
          "custom_fields");
  private static final List<String> JOB_POST_FIELDS =
      List.of(
          "job_id",
          "title",
          "location",
          "content",
          "internal_content",
          "external",
          "internal",
          "live",
          "questions",
          "updated_at");
  private static final List<String> STAGE_FIELDS =
      List.of("job_id", "name", "active", "priority", "created_at", "updated_at");
  private static final List<String> APPLICATION_FIELDS =
      List.of(
          "prospect",
          "status",
          "applied_at",
          "rejected_at",
          "rejection_reason",
          "rejection_details",
          "source",
          "credited_to",
          "custom_fields",
          "last_activity_at",
          "offer");
  private static final Set<String> TIMES =
      Set.of(
          "created_at",
          "updated_at",
          "opened_at",
          "closed_at",
          "applied_at",
          "rejected_at",
          "last_activity_at");

  private PayloadRows() {}

  static CandidateRow candidate(
      JsonNode payload, Optional<CandidateRow> existing, Instant version) {
    long id = PayloadJson.requiredId(payload, "id", "candidate");
    return overlay(
        existing,
        id,
        payload,
        CANDIDATE_FIELDS,
        CandidateRow.class,
        row -> {
          if (row.get("attachments") instanceof ArrayNode attachments) {
            // attachment URLs expire after 7 days: keep what the file is, not where it was
            attachments.forEach(a -> ((ObjectNode) a).remove("url"));
          }
          row.put("version", text(version));
        });
  }

  static JobRow job(JsonNode payload, Optional<JobRow> existing, Instant version) {
    long id = PayloadJson.requiredId(payload, "id", "job");
    return overlay(
        existing, id, payload, JOB_FIELDS, JobRow.class, row -> row.put("version", text(version)));
  }

  static JobPostRow jobPost(JsonNode payload, Optional<JobPostRow> existing, Instant version) {
    long id = PayloadJson.requiredId(payload, "id", "job_post");
    return overlay(
        existing,
        id,
        payload,
        JOB_POST_FIELDS,
        JobPostRow.class,
        row -> row.put("version", text(version)));
  }

  static JobStageRow stage(JsonNode payload, Optional<JobStageRow> existing, Instant version) {
    long id = PayloadJson.requiredId(payload, "id", "job_interview_stage");
    return overlay(
        existing,
        id,
        payload,
        STAGE_FIELDS,
        JobStageRow.class,
        row -> row.put("version", text(version)));
  }

  /** The application after this delivery; {@code hired} sets status and hire time. */
  static ApplicationRow application(
      JsonNode app, Optional<ApplicationRow> existing, Instant version, String action) {
    long id = PayloadJson.requiredId(app, "id", "application");
    return overlay(
        existing,
        id,
        app,
        APPLICATION_FIELDS,
        ApplicationRow.class,
        row -> {
          if (app.has("current_stage")) {
            JsonNode stage = app.get("current_stage");
            row.set("current_stage_id", stage.path("id").isMissingNode() ? null : stage.get("id"));
            row.put("current_stage_name", PayloadJson.text(stage, "name"));
          }
          JsonNode detail = PayloadJson.object(app, "prospect_detail");
          if (detail != null) {
            row.set("prospect_pool", detail.get("prospect_pool"));
            row.set("prospect_stage", detail.get("prospect_stage"));
            row.set("prospect_owner", detail.get("prospect_owner"));
          }
          JsonNode candidate = PayloadJson.object(app, "candidate");
          if (candidate != null && PayloadJson.has(candidate, "id")) {
            row.set("candidate_id", candidate.get("id"));
          } else if (PayloadJson.has(app, "candidate_id")) {
            row.set("candidate_id", app.get("candidate_id"));
          }
          if (app.get("jobs") instanceof ArrayNode jobs) {
            ArrayNode ids = row.putArray("job_ids");
            jobs.forEach(j -> ids.add(j.path("id").asLong()));
          } else if (PayloadJson.has(app, "job_id")) {
            row.putArray("job_ids").add(app.get("job_id").asLong());
          }
          switch (action) {
            case "hire_candidate" -> {
              row.put("status", "hired");
              row.put("hired_at", text(version));
            }
            case "unhire_candidate" -> row.putNull("hired_at");
            default -> {}
          }
          row.put("version", text(version));
        });
  }

  private static <T> T overlay(
      Optional<T> existing,
      long id,
      JsonNode payload,
      List<String> fields,
      Class<T> type,
      Consumer<ObjectNode> finish) {
    ObjectNode row =
        existing
            .map(r -> (ObjectNode) MirrorJson.MAPPER.valueToTree(r))
            .orElseGet(MirrorJson.MAPPER::createObjectNode);
    row.put("id", id);
    for (String field : fields) {
      if (!payload.has(field)) {
        continue;
      }
      JsonNode value = payload.get(field);
      if (TIMES.contains(field)) {
        row.put(field, text(PayloadJson.instant(payload, field)));
      } else {
        row.set(field, value.deepCopy());
      }
    }
    finish.accept(row);
    try {
      return MirrorJson.MAPPER.treeToValue(row, type);
    } catch (JsonProcessingException e) {
      // name the field, not its value (personal data)
      String field =
          e instanceof JsonMappingException mapping
              ? mapping.getPath().stream()
                  .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                  .collect(Collectors.joining("."))
              : "?";
      throw new UnusablePayloadException(
          "unexpected value type in " + type.getSimpleName() + " field " + field);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
