package io.headhuntr.connector.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schemas of the intake, mirror, push and sync routes (part of {@link ApiSchemas#all()}).
 * Mirror rows are described by their main fields; the answers carry every column of the row.
 */
final class CapabilitySchemas {
  private CapabilitySchemas() {}

  static Map<String, Object> all() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(
        "OutcomeEvent",
        object(
            Map.of(
                "cursor", str("pass as ?after= to read what came later"),
                "type", str("stage_changed, rejected, hired, merged, deleted, person_pushed, ..."),
                "candidate_id", integer("Greenhouse candidate id"),
                "application_id", integer("Greenhouse application id"),
                "job_id", integer("Greenhouse job id"),
                "job_post_id", integer("Greenhouse job post id"),
                "occurred_at", dateTime(),
                "data", freeform("details of the event"),
                "created_at", dateTime())));
    s.put(
        "EventPage",
        object(
            Map.of(
                "events", array(ApiSchemas.ref("OutcomeEvent")),
                "next_cursor", str("the cursor to continue from"))));
    s.put(
        "InboxEntry",
        object(
            Map.of(
                "inbox_id", integer("the inbox row"),
                "event_id", str("Greenhouse-Event-ID, when sent"),
                "action", str("the webhook action"),
                "state", enumeration("ready", "running", "done", "parked", "ignored"),
                "attempts", integer("how often it was tried"),
                "received_at", dateTime(),
                "outcome", str("what applying it did"),
                "park_reason", str("why it is parked"),
                "last_error", str("the last failure"))));
    s.put(
        "ParkedDeliveries",
        object(
            Map.of(
                "parked", array(ApiSchemas.ref("InboxEntry")),
                "next_after", integer("pass as ?after= for the next page"))));
    s.put(
        "InboxSummary",
        object(
            Map.of(
                "states", freeform("inbox rows per state"),
                "since", dateTime(),
                "actions",
                    array(
                        object(
                            Map.of(
                                "action", str(""),
                                "deliveries_since", integer("deliveries since `since`"),
                                "last_received_at", dateTime()))))));
    Map<String, Object> candidate =
        Map.of(
            "id", integer("Greenhouse candidate id"),
            "first_name", str(""),
            "last_name", str(""),
            "email_addresses", array(freeform("{value, type}")),
            "updated_at", dateTime(),
            "deleted_at", dateTime(),
            "merged_into_id", integer("set when merged into another candidate"));
    s.put("MirrorCandidate", object(candidate));
    s.put("CandidateList", object(Map.of("candidates", array(ApiSchemas.ref("MirrorCandidate")))));
    s.put(
        "MirrorApplication",
        object(
            Map.of(
                "id", integer("Greenhouse application id"),
                "candidate_id", integer(""),
                "status", str("active, rejected, hired"),
                "current_stage_id", integer(""),
                "prospect", bool(),
                "last_activity_at", dateTime())));
    s.put(
        "MirrorJob",
        object(
            Map.of(
                "id",
                integer("Greenhouse job id"),
                "name",
                str(""),
                "status",
                str("open, closed, draft"),
                "job_post_id",
                integer("the job's post as a job webhook named it"),
                "job_posts",
                array(ApiSchemas.ref("MirrorJobPost")),
                "updated_at",
                dateTime())));
    s.put(
        "JobPage",
        object(
            Map.of(
                "jobs", array(ApiSchemas.ref("MirrorJob")),
                "next_after", integer("pass as ?after= for the next page"))));
    s.put(
        "MirrorJobPost",
        object(
            Map.of(
                "id",
                integer("Greenhouse job post id"),
                "job_id",
                integer(""),
                "title",
                str(""),
                "location",
                freeform("as Greenhouse sent it: an object from Harvest, a string from webhooks"),
                "updated_at",
                dateTime())));
    s.put(
        "GreenhouseUserPage",
        object(
            Map.of(
                "users", array(freeform("a Greenhouse user: id, name, emails")),
                "next_after", integer("pass as ?after= for the next page"))));
    s.put(
        "PushRequest",
        required(
            object(
                Map.of(
                    "acting_user_id", str("the platform user the push runs on behalf of"),
                    "person", freeform("first_name, last_name, emails, ... as Greenhouse names"),
                    "attachments", array(freeform("{type, filename, content_type, content|url}")),
                    "target", freeform("{type: candidate, job_id} or {type: prospect, ...}"),
                    "source_id", integer("Greenhouse source id (optional)"))),
            "acting_user_id",
            "person",
            "target"));
    s.put(
        "PushBatchRequest",
        object(Map.of("items", array(freeform("a push with its idempotency_key")))));
    s.put(
        "Push",
        object(
            Map.of(
                "id", uuid(),
                "status", enumeration("queued", "running", "done", "failed", "needs_attention"),
                "result", str("created, linked, already_on_job, ..."),
                "candidate_id", integer("Greenhouse candidate id"),
                "application_id", integer("Greenhouse application id"),
                "outcome", freeform("active at a stage, rejected, hired, merged, deleted"),
                "error", str("why it failed, in plain words"),
                "harvest_calls", integer("Harvest calls made"),
                "created_at", dateTime())));
    s.put(
        "PushList",
        object(
            Map.of(
                "pushes", array(ApiSchemas.ref("Push")),
                "next_before", str("pass as ?before= for older pushes"))));
    s.put(
        "PushBatchResult",
        object(
            Map.of(
                "batch_id", uuid(),
                "accepted", integer(""),
                "rejected", integer(""),
                "items", array(freeform("{index, idempotency_key, id, status} or {error}")))));
    s.put(
        "PushBatchProgress",
        object(
            Map.of(
                "batch_id", uuid(),
                "progress", freeform("pushes per status"),
                "total", integer(""),
                "finished", integer(""),
                "complete", bool())));
    s.put("PushResume", object(Map.of("requeued", integer("pushes queued again"))));
    s.put(
        "PushSettings",
        object(
            Map.of(
                "duplicate_policy", enumeration("link", "always_create"),
                "default_source_id", integer("Greenhouse source id"),
                "paused", bool(),
                "pause_reason", str("why pushes are paused"))));
    s.put("SyncStatus", syncStatus());
    s.put(
        "SyncSettings",
        object(
            Map.of(
                "interval_minutes",
                    nullable(integer("minutes between passes, 1..1440; null: the service default")),
                "full_interval_hours",
                    nullable(
                        integer(
                            "hours between full reconciliations, 1..720; null: the service"
                                + " default")),
                "effective_interval_minutes",
                    readOnly(integer("in effect: the tenant's value or CONNECTOR_SYNC_INTERVAL")),
                "effective_full_interval_hours",
                    readOnly(
                        integer(
                            "in effect: the tenant's value or CONNECTOR_SYNC_FULL_INTERVAL")))));
    return s;
  }

  /** {@code GET .../sync}: every field of {@code sync.SyncStatus} (OpenApiTest compares). */
  private static Map<String, Object> syncStatus() {
    Map<String, Object> resource =
        object(
            Map.ofEntries(
                Map.entry("resource", str("users, departments, ..., candidates, applications")),
                Map.entry(
                    "state",
                    enumeration("pending", "running", "waiting", "done", "failed", "paused")),
                Map.entry("mode", enumeration("backfill", "incremental", "full")),
                Map.entry("records_seen", integer("records listed by the current or last pass")),
                Map.entry("pages", integer("pages committed by the current or last pass")),
                Map.entry("requests", integer("Harvest requests of the current or last pass")),
                Map.entry("next_page", integer("the page a pass in progress fetches next")),
                Map.entry("last_page", integer("the list's last page, when Greenhouse counted it")),
                Map.entry("watermark", dateTime("updated_after of the pass in progress")),
                Map.entry("last_checkpoint", dateTime("the last committed page")),
                Map.entry("completed_through", dateTime("start of the last complete pass")),
                Map.entry("last_error", str("")),
                Map.entry(
                    "resumes_at",
                    dateTime(
                        "while waiting: when the pass continues (Greenhouse's rate limit or a"
                            + " retry after a failed page)")),
                Map.entry("estimated_seconds_left", integer("from the rate limit"))));
    return object(
        Map.ofEntries(
            Map.entry("tenant_id", uuid()),
            Map.entry(
                "state", enumeration("pending", "running", "waiting", "done", "failed", "paused")),
            Map.entry("paused_reason", str("why the sync is paused (e.g. a revoked key)")),
            Map.entry("paused_at", dateTime("")),
            Map.entry("backfilled_at", dateTime("the first complete pass ended")),
            Map.entry("full_pass_started_at", dateTime("a full reconciliation in progress")),
            Map.entry("full_pass_requested", bool()),
            Map.entry("last_full_pass_at", dateTime("start of the last complete full pass")),
            Map.entry("last_full_pass_deleted", integer("what that pass tombstoned")),
            Map.entry("next_full_pass_at", dateTime("when the next full pass is due")),
            Map.entry("next_pass_at", dateTime("db-scheduler's next run; null while one runs")),
            Map.entry("interval_minutes", integer("in effect: the tenant's or the default")),
            Map.entry("full_interval_hours", integer("in effect: the tenant's or the default")),
            Map.entry("rate_limit", integer("calls per 10 s Greenhouse allows this key")),
            Map.entry("rate_remaining", integer("calls left in the current window")),
            Map.entry("seconds_per_request", number("the pace the sync keeps")),
            Map.entry("estimated_seconds_left", integer("from the rate limit; null: unknown")),
            Map.entry("resources", array(resource))));
  }

  private static Map<String, Object> nullable(Map<String, Object> schema) {
    Map<String, Object> m = new LinkedHashMap<>(schema);
    m.put("type", List.of(schema.get("type"), "null")); // OpenAPI 3.1: JSON Schema's null type
    return m;
  }

  private static Map<String, Object> readOnly(Map<String, Object> schema) {
    Map<String, Object> m = new LinkedHashMap<>(schema);
    m.put("readOnly", true);
    return m;
  }

  private static Map<String, Object> number(String description) {
    return Map.of("type", "number", "description", description);
  }

  private static Map<String, Object> dateTime(String description) {
    return description.isEmpty()
        ? dateTime()
        : Map.of("type", "string", "format", "date-time", "description", description);
  }

  private static Map<String, Object> object(Map<String, Object> properties) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    m.put("properties", new TreeMap<>(properties));
    return m;
  }

  private static Map<String, Object> required(Map<String, Object> schema, String... fields) {
    Map<String, Object> m = new LinkedHashMap<>(schema);
    m.put("required", List.of(fields));
    return m;
  }

  private static Map<String, Object> freeform(String description) {
    return Map.of("type", "object", "description", description);
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  private static Map<String, Object> str(String description) {
    return description.isEmpty()
        ? Map.of("type", "string")
        : Map.of("type", "string", "description", description);
  }

  private static Map<String, Object> integer(String description) {
    return description.isEmpty()
        ? Map.of("type", "integer")
        : Map.of("type", "integer", "description", description);
  }

  private static Map<String, Object> bool() {
    return Map.of("type", "boolean");
  }

  private static Map<String, Object> uuid() {
    return Map.of("type", "string", "format", "uuid");
  }

  private static Map<String, Object> dateTime() {
    return Map.of("type", "string", "format", "date-time");
  }

  private static Map<String, Object> enumeration(String... values) {
    return Map.of("type", "string", "enum", List.of(values));
  }
}
