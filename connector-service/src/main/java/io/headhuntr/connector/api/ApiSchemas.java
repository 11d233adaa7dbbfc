package io.headhuntr.connector.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON schemas named by the route table, as OpenAPI 3.1 component schemas. */
public final class ApiSchemas {
  private ApiSchemas() {}

  public static Map<String, Object> all() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(
        "Problem",
        object(
            Map.of(
                "type", str("always about:blank"),
                "title", str("short summary of the status"),
                "status", integer("HTTP status"),
                "detail", str("what went wrong, in words an operator can act on"),
                "instance", str("the request path"),
                "field", str("the request field at fault, e.g. api_key or rows[3].user_id"),
                "problems", array(str("one thing missing (409 of activation)")))));
    s.put(
        "Health",
        object(
            Map.of(
                "status",
                str("up, ready or not ready"),
                "database",
                str("up or down (readiness only)"))));
    s.put(
        "NewTenant",
        required(
            object(
                Map.of(
                    "name", str("the customer organization's name (1..200 characters)"),
                    "error_recipient_email", str("where Greenhouse sends webhook failure emails"),
                    "public_base_url",
                        str(
                            "optional origin Greenhouse reaches this service at, for this tenant"))),
            "name",
            "error_recipient_email"));
    s.put(
        "Tenant",
        object(
            Map.of(
                "tenant_id", uuid(),
                "name", str(""),
                "error_recipient_email", str(""),
                "state", enumeration("draft", "active", "paused"),
                "public_base_url", str("null unless set for this tenant"),
                "created_at", dateTime(),
                "updated_at", dateTime())));
    s.put("TenantList", array(ref("Tenant")));
    s.put(
        "NewToken",
        object(
            Map.of(
                "name",
                str("a label, e.g. platform-prod (optional)"),
                "can_create_tokens",
                bool())));
    s.put(
        "ApiToken",
        object(
            Map.of(
                "token_id",
                uuid(),
                "tenant_id",
                uuid(),
                "name",
                str(""),
                "last4",
                str("the token's last four characters"),
                "can_create_tokens",
                bool(),
                "created_at",
                dateTime(),
                "revoked_at",
                dateTime())));
    s.put(
        "CreatedToken",
        object(
            Map.of(
                "token_id",
                uuid(),
                "tenant_id",
                uuid(),
                "name",
                str(""),
                "last4",
                str(""),
                "can_create_tokens",
                bool(),
                "created_at",
                dateTime(),
                "token",
                str("the bearer token; shown in this answer only"))));
    s.put("TokenList", array(ref("ApiToken")));
    s.put(
        "CredentialRequest",
        object(
            Map.of(
                "kind",
                enumeration("v1_api_key", "v3_client_credentials"),
                "api_key",
                str(
                    "v1_api_key (the default kind), required: the Harvest API key (never shown"
                        + " again, only its last 4 characters)"),
                "client_id",
                str("v3_client_credentials, required: the custom OAuth client's id"),
                "client_secret",
                str(
                    "v3_client_credentials, required: the client's secret (never shown again,"
                        + " only its last 4 characters)"),
                "base_url",
                str("the Harvest origin, default https://harvest.greenhouse.io"),
                "auth_url",
                str(
                    "v3_client_credentials: the auth origin, default https://auth.greenhouse.io"))));
    s.put(
        "CredentialStatus",
        object(
            withMore(
                Map.of(
                    "configured",
                    bool(),
                    "kind",
                    enumeration("v1_api_key", "v3_client_credentials", "v3_partner"),
                    "last4",
                    str("v1_api_key: the key's last 4 characters"),
                    "client_id",
                    str("v3_client_credentials"),
                    "client_secret_last4",
                    str("v3_client_credentials: the secret's last 4 characters"),
                    "base_url",
                    str(""),
                    "auth_url",
                    str("v3_client_credentials"),
                    "organization_id",
                    integer("v3_client_credentials: the Greenhouse organization's id"),
                    "organization_name",
                    str("v3_client_credentials: as Greenhouse's introspection named it"),
                    "verified_at",
                    dateTime()),
                "status",
                enumeration("connected", "needs_reconnect"),
                "reason",
                str("needs_reconnect: why Greenhouse no longer honours the connection"),
                "next_step",
                str("needs_reconnect: what to do (connect again through .../oauth/start)"))));
    s.put(
        "PermissionCheck",
        object(
            Map.of(
                "group",
                str(""),
                "permission",
                str("e.g. POST: Add Candidate"),
                "tick",
                str("what to tick in Greenhouse, e.g. Candidates > POST: Add Candidate"),
                "required",
                bool(),
                "status",
                enumeration("granted", "missing", "unknown"),
                "limits",
                str("what does not work while it is missing"),
                "probe",
                str("the call that decided"),
                "detail",
                str(""),
                "scope",
                str(
                    "v3_client_credentials only: the scope(s) the permission maps to, space"
                        + " separated"))));
    s.put(
        "PermissionReport",
        object(
            Map.of(
                "tenant_id",
                uuid(),
                "kind",
                enumeration("v1_api_key", "v3_client_credentials"),
                "checked_at",
                dateTime(),
                "all_required_granted",
                bool(),
                "missing_required",
                array(str("tick")),
                "missing_optional",
                array(str("tick")),
                "required",
                array(ref("PermissionCheck")),
                "optional",
                array(ref("PermissionCheck")))));
    s.put(
        "ActivationResult",
        object(
            Map.of(
                "tenant", ref("Tenant"),
                "warnings", array(str("not blocking, e.g. webhooks not pinged yet")))));
    s.put(
        "PlatformUsers",
        array(
            object(
                Map.of("id", str("the platform's user id"), "email", str(""), "name", str("")))));
    s.put(
        "UserMappingPreview",
        freeform("the import preview: matched, unmatched, ambiguous rows," + " row errors"));
    Map<String, Object> mappingRow = new LinkedHashMap<>();
    mappingRow.put("platform_user_id", str(""));
    mappingRow.put("email", str(""));
    mappingRow.put("name", str(""));
    mappingRow.put("greenhouse_user_id", integer("the ATS Id; null when not mapped"));
    mappingRow.put(
        "status",
        enumeration(
            "verified", "unverified", "not_found", "disabled", "email_mismatch", "unmapped"));
    mappingRow.put("verified_at", dateTime());
    mappingRow.put("message", str("what the last verification found"));
    s.put("UserMappingRow", object(mappingRow));
    s.put("UserMappings", array(ref("UserMappingRow")));
    s.put(
        "UserMappingUpdate",
        array(
            object(
                Map.of(
                    "platform_user_id", str(""),
                    "greenhouse_user_id", integer("a number or numeric string; null clears")))));
    Map<String, Object> webhook = new LinkedHashMap<>();
    webhook.put("name", str("e.g. Headhuntr.io-Candidate Hired"));
    webhook.put("when", str("Greenhouse's label, e.g. Candidate has been hired"));
    webhook.put("action", str("e.g. hire_candidate"));
    webhook.put("endpoint_url", str(""));
    webhook.put("error_recipient_email", str(""));
    webhook.put(
        "status",
        str(
            "waiting_for_ping, pinged, delivering, silent (quiet far longer than usual while"
                + " others deliver), failing (a delivery could not be applied, or Greenhouse"
                + " deactivated a webhook the connector registered: failure_message says what to"
                + " do)"));
    webhook.put("pinged_at", dateTime());
    webhook.put("last_delivery_at", dateTime());
    webhook.put("deliveries", integer("deliveries received"));
    webhook.put("deliveries_last_hour", integer("deliveries received in the last hour"));
    webhook.put("last_failure_at", dateTime());
    webhook.put("failure_message", str(""));
    webhook.put("greenhouse_name", str("the webhook's name as the last ping gave it"));
    webhook.put(
        "greenhouse_web_hook_id",
        integer("Greenhouse's id of the webhook (from its ping, or its registration)"));
    webhook.put(
        "deactivated",
        withMore(
            bool(),
            "description",
            "registration automatic: Greenhouse's deactivated flag as last read; null otherwise"));
    webhook.put(
        "greenhouse_last_delivered",
        withMore(
            dateTime(),
            "description",
            "registration automatic: Greenhouse's last_delivered as last read; null otherwise"));
    s.put("WebhookKitEntry", object(webhook));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("trigger", enumeration("connected", "requested", "secret_rotated"));
    run.put("attempted_at", dateTime());
    run.put("created", integer("webhooks created in Greenhouse"));
    run.put("updated", integer("webhooks saved again (stale URL or secret, or deactivated)"));
    run.put("kept", integer("webhooks already right, left alone"));
    run.put("problem", str("what the run could not do and what to do; null when it did all"));
    s.put("WebhookRegistrationRun", object(run));
    Map<String, Object> setup = new LinkedHashMap<>();
    setup.put(
        "registration",
        withMore(
            enumeration("manual", "automatic"),
            "description",
            "manual: the customer creates the 14 webhooks in Greenhouse's Dev Center (Harvest v1"
                + " key, or their own v3 client credentials); automatic: a v3 partner connection,"
                + " the connector registers them itself and watches deactivated/last_delivered"));
    setup.put("registration_note", str("the same in a sentence, with what to do"));
    setup.put(
        "last_registration",
        withMore(
            ref("WebhookRegistrationRun"),
            "description",
            "registration automatic: the connector's last registration run; null otherwise"));
    setup.put(
        "greenhouse_checked_at",
        withMore(
            dateTime(),
            "description",
            "registration automatic: when Greenhouse's state of the webhooks was last read (at"
                + " most once a minute; ?refresh=true reads now)"));
    setup.put("endpoint_url", str("{public_base_url}/webhooks/greenhouse/{endpoint_key}"));
    setup.put("secret_key", str("the secret to type into Greenhouse"));
    setup.put("secret_rotated_at", dateTime());
    setup.put("previous_secret_valid_until", dateTime());
    setup.put("last_rejected_delivery_at", dateTime());
    setup.put("webhooks", array(ref("WebhookKitEntry")));
    setup.put("warnings", array(str("")));
    s.put("WebhookSetup", object(setup));
    s.put("WebhookSecret", freeform("the new secret and until when the previous one still works"));
    s.put(
        "SpreadsheetUpload",
        freeform(".xlsx, .xls or .csv as multipart field \"file\" or raw" + " body"));
    s.put(
        "GreenhouseWebhook",
        freeform("a Greenhouse webhook delivery, signed in the Signature" + " header"));
    s.put(
        "ParkedRecords",
        object(
            Map.of(
                "parked",
                array(
                    object(
                        Map.of(
                            "resource", enumeration("candidate", "application", "job"),
                            "id", integer("the Greenhouse id"),
                            "reason", str("why the mirror could not store it"),
                            "parked_at", dateTime()))))));
    s.putAll(CapabilitySchemas.all());
    s.putAll(healthSchemas());
    return s;
  }

  /** The tenant health answers the console's health page also shows (issue 13). */
  private static Map<String, Object> healthSchemas() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(
        "DeliveriesPerHour",
        object(
            Map.of(
                "from", dateTime(),
                "to", dateTime(),
                "deliveries", integer("events in the window (pings apart)"),
                "pings", integer("pings in the window"),
                "hours",
                    array(
                        object(
                            Map.of(
                                "start", dateTime(),
                                "deliveries", integer("events that hour"),
                                "pings", integer("pings that hour")))))));
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("push_id", uuid());
    item.put("idempotency_key", str(""));
    item.put(
        "state",
        enumeration(
            "queued", "running", "awaiting_confirmation", "needs_attention", "failed", "done"));
    item.put("step", str(""));
    item.put("target", str("candidate or prospect"));
    item.put("acting_user_id", str(""));
    item.put("candidate_id", integer("Greenhouse candidate id, once known"));
    item.put("application_id", integer("Greenhouse application id, once known"));
    item.put("attempts", integer(""));
    item.put("reason", str("why it failed or waits, in plain words (null otherwise)"));
    item.put("outcome", str("of a done push: active, rejected, hired, ..., unknown"));
    item.put("retryable", bool());
    item.put("created_at", dateTime());
    item.put("updated_at", dateTime());
    s.put("PushQueueItem", object(item));
    s.put(
        "PushSummary",
        object(
            Map.of(
                "queue", freeform("pushes per state: queued, running, awaiting_confirmation, ..."),
                "funnel",
                    freeform(
                        "done pushes: pushed, then in_process, rejected, hired, other (deleted,"
                            + " merged), unknown (not mirrored yet)"),
                "pause_reason", str("set while Greenhouse refuses the credential"),
                "latest", array(ref("PushQueueItem")))));
    s.put(
        "ConsoleLink",
        object(
            Map.of(
                "url", str("the link on the public base URL"),
                "path", str("the same link's path, for another origin"),
                "expires_at", dateTime())));
    return s;
  }

  public static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  private static Map<String, Object> object(Map<String, Object> properties) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    m.put("properties", new java.util.TreeMap<>(properties));
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
    return Map.of("type", "integer", "description", description);
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

  /** {@code base} with more properties (Map.of takes at most ten pairs). */
  private static Map<String, Object> withMore(Map<String, ?> base, Object... more) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(base);
    for (int i = 0; i < more.length; i += 2) {
      all.put((String) more[i], more[i + 1]);
    }
    return all;
  }
}
