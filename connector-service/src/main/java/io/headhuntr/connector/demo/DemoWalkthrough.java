package io.headhuntr.connector.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.users.ExportRow;
import io.headhuntr.connector.users.SpreadsheetReader;
import io.headhuntr.connector.users.UserExportParser;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the setup guide for the demo tenant through the connector's HTTP API, as an onboarding
 * engineer would: tenant, key, permission check, the 14 webhooks (created in the sandbox, so its
 * pings arrive), users export, mapping, activation.
 */
final class DemoWalkthrough {

  static final int DEMO_RECRUITERS = 4;
  private static final Duration PING_WAIT = Duration.ofSeconds(20);

  private final DemoHttp http = new DemoHttp();
  private final URI connector;
  private final URI sandbox;
  private final DemoCredential credential;
  private final String admin;
  private final PrintStream out;
  private final Instant started = Instant.now();
  private Optional<SampleAction> sampleAction = Optional.empty();
  private List<String> pushIds = List.of();

  DemoWalkthrough(
      URI connector, URI sandbox, DemoCredential credential, String admin, PrintStream out) {
    this.connector = connector;
    this.sandbox = sandbox;
    this.credential = credential;
    this.admin = admin;
    this.out = out;
  }

  DemoInfo run(Optional<DemoInfo> previous) throws InterruptedException {
    String tenantId = previous.map(DemoInfo::tenantId).filter(this::tenantExists).orElse(null);
    if (tenantId == null) {
      JsonNode tenant =
          http.expectOk(
              "create the demo tenant",
              "POST",
              api("/api/v1/tenants"),
              admin,
              Map.of("name", "Demo Company", "error_recipient_email", "ats@headhuntr.io"));
      tenantId = tenant.get("tenant_id").asText();
      step("created tenant " + tenantId);
    } else {
      step("reusing tenant " + tenantId);
    }
    String base = "/api/v1/tenants/" + tenantId;
    String token = previous.map(DemoInfo::tenantToken).filter(t -> canUse(base, t)).orElse(null);
    if (token == null) {
      token =
          http.expectOk(
                  "create a tenant token",
                  "POST",
                  api(base + "/tokens"),
                  admin,
                  Map.of("name", "demo"))
              .get("token")
              .asText();
      step("created a tenant API token");
    }

    http.expectOk(
        "store the sandbox credential",
        "PUT",
        api(base + "/greenhouse/credential"),
        token,
        credential.body(sandbox));
    step("stored and verified the Greenhouse (sandbox) " + credential.describe());

    JsonNode permissions =
        http.expectOk(
            "check permissions", "GET", api(base + "/greenhouse/permissions"), token, null);
    step("permission check: " + summary(permissions));

    JsonNode setup =
        http.expectOk("read the webhook kit", "GET", api(base + "/webhooks/setup"), token, null);
    createWebhooks(setup);
    JsonNode pinged = awaitPings(base, token);
    long count = countStatus(pinged, "waiting_for_ping");
    step((14 - count) + " of 14 webhooks created in the sandbox and pinged");

    byte[] export = exportFromSandbox();
    List<Map<String, String>> users = demoRecruiters(export);
    http.expectOk("create platform users", "PUT", api(base + "/users"), token, users);
    step("created " + users.size() + " platform users (the demo recruiters)");

    JsonNode preview =
        DemoHttp.ok(
                "import the users export",
                http.upload(api(base + "/user-mappings/import"), token, "users.xlsx", export))
            .json();
    step(
        "imported the users export: "
            + preview.get("matched").size()
            + " matched, "
            + preview.get("unmatched").size()
            + " unmatched, "
            + preview.get("ambiguous").size()
            + " ambiguous, "
            + preview.get("errors").size()
            + " row errors");
    JsonNode mapped =
        http.expectOk(
            "save the mapping",
            "PUT",
            api(base + "/user-mappings"),
            token,
            preview.get("mappings"));
    step("saved and verified the mapping: " + countStatus(mapped, "verified") + " verified");

    JsonNode activated = http.expectOk("activate", "POST", api(base + "/activate"), token, null);
    step("activated: state " + activated.path("tenant").path("state").asText("?"));
    activated.path("warnings").forEach(w -> step("warning: " + w.asText()));

    sampleAction = sampleRecruiterAction(mapped);
    Optional<JsonNode> recruiter = verifiedMapping(mapped);
    if (recruiter.isPresent()) {
      pushIds =
          new DemoPushes(
                  http,
                  connector,
                  sandbox,
                  credential.sandboxApiKey(),
                  recruiter.get().path("greenhouse_user_id").asText(),
                  out)
              .run(base, token, recruiter.get().path("platform_user_id").asText());
    }

    JsonNode finalSetup =
        http.expectOk("read the webhook kit", "GET", api(base + "/webhooks/setup"), token, null);
    return new DemoInfo(
        connector.toString(),
        admin,
        tenantId,
        token,
        finalSetup.get("endpoint_url").asText(),
        finalSetup.get("secret_key").asText(),
        sandbox.toString(),
        credential.sandboxApiKey(),
        credential.api());
  }

  /**
   * A command that makes the sandbox send a webhook (a recruiter edits a candidate), so the kit
   * shows "delivering"; empty when the sandbox has no candidate.
   */
  Optional<SampleAction> sampleAction() {
    return sampleAction;
  }

  /** The ids of the demo's pushes (empty when the push part did not run). */
  List<String> pushIds() {
    return pushIds;
  }

  private static Optional<JsonNode> verifiedMapping(JsonNode mappings) {
    for (JsonNode row : mappings) {
      if (row.path("status").asText().equals("verified")) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }

  private Optional<SampleAction> sampleRecruiterAction(JsonNode mappings) {
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (credential.sandboxApiKey() + ":")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    DemoHttp.Answer candidates =
        http.send("GET", sandbox.resolve("/v1/candidates?per_page=1"), basic, null);
    if (candidates.status() != 200 || candidates.json().isEmpty() || mappings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SampleAction(
            sandbox.resolve("/v1/candidates/" + candidates.json().get(0).path("id").asText()),
            credential.sandboxApiKey(),
            mappings.get(0).path("greenhouse_user_id").asText()));
  }

  private void createWebhooks(JsonNode setup) {
    for (JsonNode webhook : setup.get("webhooks")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", webhook.get("name").asText());
      body.put("when", webhook.get("when").asText());
      body.put("endpoint_url", setup.get("endpoint_url").asText());
      body.put("secret_key", setup.get("secret_key").asText());
      body.put("error_recipient_email", webhook.get("error_recipient_email").asText());
      http.expectOk(
          "create webhook '" + webhook.get("name").asText() + "' in the sandbox",
          "POST",
          sandbox.resolve("/sandbox/webhooks"),
          null,
          body);
    }
  }

  /** Polls the kit until every webhook is past "waiting for ping" (pings are asynchronous). */
  private JsonNode awaitPings(String base, String token) throws InterruptedException {
    Instant deadline = Instant.now().plus(PING_WAIT);
    while (true) {
      JsonNode setup =
          http.expectOk("read the webhook kit", "GET", api(base + "/webhooks/setup"), token, null);
      if (countStatus(setup, "waiting_for_ping") == 0 || Instant.now().isAfter(deadline)) {
        return setup;
      }
      Thread.sleep(200);
    }
  }

  private byte[] exportFromSandbox() {
    DemoHttp.Answer answer =
        DemoHttp.ok(
            "download the sandbox's users export",
            http.send("GET", sandbox.resolve("/sandbox/users/export.xlsx"), null, null));
    return answer.body();
  }

  /** A few active users of the export, as the platform's own users (same emails, own ids). */
  private static List<Map<String, String>> demoRecruiters(byte[] export) {
    List<ExportRow> rows =
        UserExportParser.parse(SpreadsheetReader.read(export, "users.xlsx")).rows().stream()
            .filter(r -> !r.disabled())
            .limit(DEMO_RECRUITERS)
            .toList();
    List<Map<String, String>> users = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ExportRow row = rows.get(i);
      users.add(
          Map.of(
              "id",
              "demo-recruiter-" + (i + 1),
              "email",
              row.email(),
              "name",
              row.name() == null ? row.email() : row.name()));
    }
    return users;
  }

  private boolean tenantExists(String tenantId) {
    return http.send("GET", api("/api/v1/tenants/" + tenantId), admin, null).status() == 200;
  }

  private boolean canUse(String base, String token) {
    return http.send("GET", api(base), token, null).status() == 200;
  }

  private static long countStatus(JsonNode listOrSetup, String status) {
    JsonNode rows = listOrSetup.has("webhooks") ? listOrSetup.get("webhooks") : listOrSetup;
    long n = 0;
    for (JsonNode row : rows) {
      n += status.equals(row.path("status").asText()) ? 1 : 0;
    }
    return n;
  }

  private static String summary(JsonNode report) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    report.findValues("status").forEach(s -> counts.merge(s.asText(), 1, Integer::sum));
    return "all required granted: "
        + report.path("all_required_granted").asBoolean()
        + " "
        + counts;
  }

  private URI api(String path) {
    return connector.resolve(path);
  }

  private void step(String line) {
    long millis = Duration.between(started, Instant.now()).toMillis();
    out.printf("demo: [%5.1fs] %s%n", millis / 1000.0, line);
    out.flush();
  }
}
