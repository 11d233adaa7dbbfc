package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import io.headhuntr.connector.TestSandbox;
import io.headhuntr.sandbox.GreenhouseSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PermissionReportTest {
  private static final String FULL_KEY = TestSandbox.FULL_KEY;
  private static GreenhouseSandbox sandbox;
  private static SandboxCalls calls;
  private static TestApp app;

  @BeforeAll
  static void start() {
    sandbox = TestSandbox.shared();
    calls = new SandboxCalls(sandbox);
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static List<String> guideNames() {
    return GuidePermissions.all().stream().map(GuidePermission::name).toList();
  }

  private String tenantWithKey(String name, String key) {
    String tenant = app.createTenant(name);
    Answer saved =
        app.put(
            "/api/v1/tenants/" + tenant + "/greenhouse/credential",
            app.admin(),
            Map.of("api_key", key, "base_url", sandbox.baseUrl().toString()));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    return tenant;
  }

  private static Map<String, JsonNode> byPermission(JsonNode report) {
    Map<String, JsonNode> checks = new java.util.LinkedHashMap<>();
    for (String part : List.of("required", "optional")) {
      for (JsonNode check : report.get(part)) {
        checks.put(check.get("permission").asText(), check);
      }
    }
    return checks;
  }

  @Test
  void a_key_with_every_permission_is_granted_everything() {
    String tenant = tenantWithKey("Full Perms Co", FULL_KEY);

    Answer answer = app.get("/api/v1/tenants/" + tenant + "/greenhouse/permissions", app.admin());

    assertThat(answer.status()).isEqualTo(200);
    JsonNode report = answer.json();
    Map<String, JsonNode> checks = byPermission(report);
    assertThat(checks.keySet()).containsExactlyInAnyOrderElementsOf(guideNames());
    assertThat(checks.values())
        .allSatisfy(
            c -> assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("granted"));
    assertThat(report.get("all_required_granted").asBoolean()).isTrue();
    assertThat(report.get("missing_required")).isEmpty();
  }

  @Test
  void a_key_missing_permissions_reports_each_with_what_to_tick() throws Exception {
    String key = "sandbox-limited-key-5e21";
    List<String> held = new ArrayList<>(guideNames());
    held.remove("POST: Add Candidate");
    held.remove("GET: List Sources");
    calls.createKey(key, held);
    String tenant = tenantWithKey("Limited Perms Co", key);

    JsonNode report =
        app.get("/api/v1/tenants/" + tenant + "/greenhouse/permissions", app.admin()).json();

    Map<String, JsonNode> checks = byPermission(report);
    JsonNode addCandidate = checks.get("POST: Add Candidate");
    assertThat(addCandidate.get("status").asText()).isEqualTo("missing");
    assertThat(addCandidate.get("required").asBoolean()).isTrue();
    assertThat(addCandidate.get("tick").asText()).isEqualTo("Candidates > POST: Add Candidate");
    assertThat(addCandidate.get("limits").asText()).isNotBlank();
    JsonNode sources = checks.get("GET: List Sources");
    assertThat(sources.get("status").asText()).isEqualTo("missing");
    assertThat(sources.get("required").asBoolean()).isFalse();
    assertThat(sources.get("limits").asText()).contains("source");
    assertThat(
            checks.values().stream()
                .filter(c -> c.get("status").asText().equals("granted"))
                .count())
        .isEqualTo(guideNames().size() - 2);
    assertThat(report.get("all_required_granted").asBoolean()).isFalse();
    assertThat(texts(report.get("missing_required")))
        .containsExactly("Candidates > POST: Add Candidate");
    assertThat(texts(report.get("missing_optional")))
        .containsExactly("Sources > GET: List Sources");
  }

  @Test
  void without_the_users_list_the_writes_are_unknown_not_granted() throws Exception {
    String key = "sandbox-no-users-key-a0c4";
    List<String> held = new ArrayList<>(guideNames());
    held.remove("GET: List Users");
    calls.createKey(key, held);
    String tenant = tenantWithKey("No Users Perm Co", key);

    JsonNode report =
        app.get("/api/v1/tenants/" + tenant + "/greenhouse/permissions", app.admin()).json();

    Map<String, JsonNode> checks = byPermission(report);
    assertThat(checks.get("GET: List Users").get("status").asText()).isEqualTo("missing");
    assertThat(checks.get("POST: Add Note").get("status").asText()).isEqualTo("unknown");
    assertThat(checks.get("POST: Add Note").get("detail").asText()).contains("List Users");
    assertThat(checks.get("GET: List Jobs").get("status").asText()).isEqualTo("granted");
  }

  @Test
  void the_report_is_cached_until_refreshed_and_a_refresh_is_at_most_one_probe_per_30_s()
      throws Exception {
    String key = "sandbox-cache-key-77aa";
    calls.createKey(key, guideNames());
    io.headhuntr.connector.webhooks.MutableClock clock =
        new io.headhuntr.connector.webhooks.MutableClock(java.time.Instant.now());
    try (TestApp timed = TestApp.start(java.time.Duration.ofMinutes(1), clock)) {
      String tenant = timed.createTenant("Cache Co");
      timed.put(
          "/api/v1/tenants/" + tenant + "/greenhouse/credential",
          timed.admin(),
          Map.of("api_key", key, "base_url", sandbox.baseUrl().toString()));
      String path = "/api/v1/tenants/" + tenant + "/greenhouse/permissions";
      String first = timed.get(path, timed.admin()).json().get("checked_at").asText();
      String cached = timed.get(path, timed.admin()).json().get("checked_at").asText();
      String clicked =
          timed.get(path + "?refresh=true", timed.admin()).json().get("checked_at").asText();
      clock.advance(java.time.Duration.ofSeconds(31));
      String refreshed =
          timed.get(path + "?refresh=true", timed.admin()).json().get("checked_at").asText();

      assertThat(cached).isEqualTo(first);
      assertThat(clicked)
          .as("a refresh within 30 s of the last probe answers that probe, calling nothing")
          .isEqualTo(first);
      assertThat(refreshed).isNotEqualTo(first);
    }
  }

  @Test
  void waits_out_rate_limiting_instead_of_reporting_unknown() {
    try (GreenhouseSandbox limited =
        GreenhouseSandbox.builder()
            .apiKey(FULL_KEY)
            .seed(io.headhuntr.sandbox.SandboxSeed.DEMO)
            .candidates(5)
            .rateLimit(12)
            .rateWindow(java.time.Duration.ofSeconds(1))
            .start()) {
      String tenant = app.createTenant("Rate Limited Co");
      Answer saved =
          app.put(
              "/api/v1/tenants/" + tenant + "/greenhouse/credential",
              app.admin(),
              Map.of("api_key", FULL_KEY, "base_url", limited.baseUrl().toString()));
      assertThat(saved.status()).isEqualTo(200);

      JsonNode report =
          app.get("/api/v1/tenants/" + tenant + "/greenhouse/permissions", app.admin()).json();

      assertThat(byPermission(report).values())
          .allSatisfy(
              c -> assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("granted"));
      assertThat(limited.rateLimitedCount(FULL_KEY)).isPositive();
    }
  }

  @Test
  void asks_for_the_key_first_when_none_is_saved() {
    String tenant = app.createTenant("No Key Yet Co");

    Answer answer = app.get("/api/v1/tenants/" + tenant + "/greenhouse/permissions", app.admin());

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().get("problems").toString()).contains("save the Greenhouse API key");
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
