package io.headhuntr.connector.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import io.headhuntr.connector.users.ExportRow;
import io.headhuntr.connector.users.SpreadsheetReader;
import io.headhuntr.connector.users.UserExportParser;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The console in a real headless Chromium, one browser session for the whole walk: a customer admin
 * signs in with the tenant's token, walks the four steps of the setup guide against the Greenhouse
 * sandbox to an active tenant (a refused key and a refused user id are marked with the API's own
 * words, and what was typed stays), sees the 14 webhooks' status move as Greenhouse pings them and
 * delivers, and on the health page sees a push appear and reach {@code done}, and a failed one with
 * its reason and a retry button. Every wizard page is also checked at 390 px: no sideways
 * scrolling. Screenshots of each step: {@code <build folder>/console-screenshots/}.
 *
 * <p>It is over 400 lines because the walk is one story: its steps run in order over one tenant,
 * one sandbox and one browser (starting those once keeps the test under a minute); the page
 * operations it uses live in {@link Browser}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInBrowserTest {
  private static final String KEY = "console-browser-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration LIVE = Browser.LIVE;

  private static GreenhouseSandbox sandbox;
  private static TestApp app;
  private static Browser browser;
  private static String tenantId;
  private static String token;
  private static String api;
  private static Path export;
  private static List<ExportRow> recruiters;
  private static ExportRow other;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    sandbox =
        GreenhouseSandbox.builder()
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(20)
            .rateLimit(0)
            .start();
    app = TestApp.start();
    tenantId = app.createTenant("Console " + UUID.randomUUID());
    token = app.createToken(tenantId);
    api = "/api/v1/tenants/" + tenantId;

    // the platform sends its users: three who are in Greenhouse's export, one who is not
    byte[] file = sandboxGet("/sandbox/users/export.xlsx").body();
    export = Files.createTempFile("greenhouse-users", ".xlsx");
    Files.write(export, file);
    List<ExportRow> active =
        UserExportParser.parse(SpreadsheetReader.read(file, "users.xlsx")).rows().stream()
            .filter(r -> !r.disabled())
            .toList();
    recruiters = active.subList(0, 3);
    other = active.get(3);
    List<Map<String, String>> users = new ArrayList<>();
    for (int i = 0; i < recruiters.size(); i++) {
      users.add(
          Map.of(
              "id",
              "rec-" + (i + 1),
              "email",
              recruiters.get(i).email(),
              "name",
              "Recruiter " + (i + 1)));
    }
    users.add(
        Map.of("id", "rec-outside", "email", "outside@example.com", "name", "Outside Person"));
    expect(200, app.put(api + "/users", token, users));

    browser = Browser.start(app.baseUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (export != null) {
      Files.deleteIfExists(export);
    }
  }

  @Test
  @Order(1)
  void signs_in_with_the_tenant_token_and_the_session_cookie_is_http_only_and_strict() {
    browser.open("/");
    assertThat(browser.path()).isEqualTo("/console/sign-in");
    browser.screenshot("sign-in");

    browser.type("#token", "ghc_not_a_token_at_all");
    browser.submit("form[action='/console/sign-in'] button[type=submit]");
    String apiWords = app.get(api, "ghc_not_a_token_at_all").json().get("detail").asText();
    assertThat(browser.waitText("#token-error")).isEqualTo(apiWords);
    assertThat(browser.driver().manage().getCookieNamed(ConsoleAuth.SESSION_COOKIE)).isNull();

    browser.type("#token", token);
    browser.submit("form[action='/console/sign-in'] button[type=submit]");
    browser.waitPath("/console/t/" + tenantId + "/connect");
    Cookie session = browser.driver().manage().getCookieNamed(ConsoleAuth.SESSION_COOKIE);
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(session.getValue()).doesNotContain(token);
    assertThat(browser.js("return document.cookie;").toString()).doesNotContain(session.getValue());
  }

  @Test
  @Order(2)
  void step_1_marks_a_refused_key_with_the_apis_words_keeps_what_was_typed_then_connects() {
    String base = sandbox.baseUrl().toString();
    browser.type("#key-api_key", "wrong-key-123456");
    browser.click("form[action$='/connect/key'] details summary");
    browser.type("#key-base_url", base);
    browser.submit("form[action$='/connect/key'] button[type=submit]");
    Answer refused =
        app.put(
            api + "/greenhouse/credential",
            token,
            Map.of("api_key", "wrong-key-123456", "base_url", base));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(browser.waitText("#key-api_key-error"))
        .isEqualTo(refused.json().get("detail").asText());
    assertThat(browser.attr("#key-api_key", "aria-invalid")).isEqualTo("true");
    assertThat(browser.attr("#key-base_url", "value")).as("what was typed stays").isEqualTo(base);
    assertThat(browser.attr("#key-api_key", "value")).as("a key is never sent back").isEmpty();
    browser.screenshot("connect-refused-key");

    browser.type("#key-api_key", KEY);
    browser.submit("form[action$='/connect/key'] button[type=submit]");
    assertThat(browser.waitText(".notice")).contains("Greenhouse accepted the credential");
    assertThat(browser.waitText("#permissions .notice.ok"))
        .isEqualTo("Every required permission is granted.");
    assertThat(app.get(api + "/greenhouse/credential", token).json().get("configured").asBoolean())
        .isTrue();
    assertThat(browser.text(".steps li.step:nth-child(1)")).contains("Harvest v1 API key");
    browser.screenshot("connect-checklist");
  }

  @Test
  @Order(3)
  void step_2_shows_the_kit_and_the_webhooks_move_from_waiting_to_pinged_without_a_reload()
      throws Exception {
    browser.submit("a[href$='/webhooks'].button");
    browser.waitPath("/console/t/" + tenantId + "/webhooks");
    JsonNode kit = expect(200, app.get(api + "/webhooks/setup", token));
    assertThat(browser.attr("#endpoint-url", "value")).isEqualTo(kit.get("endpoint_url").asText());
    assertThat(browser.attr("#secret-key", "value")).isEqualTo(kit.get("secret_key").asText());
    List<String> rows = browser.texts("#webhook-rows tr[data-action]");
    assertThat(rows).hasSize(14);
    assertThat(rows).allSatisfy(r -> assertThat(r).contains("waiting for ping"));
    assertThat(rows.get(0)).contains("Headhuntr.io-Candidate Hired", "Candidate has been hired");

    browser.click("button[data-copy='secret-key']");
    assertThat(browser.waitText(".copied")).isNotBlank();
    browser.js("window.__sameDocument = true;");

    // the customer creates the 14 webhooks in Greenhouse; each one is pinged as it is saved
    String path = URI.create(kit.get("endpoint_url").asText()).getPath();
    for (JsonNode webhook : kit.get("webhooks")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", webhook.get("name").asText());
      body.put("when", webhook.get("when").asText());
      body.put("endpoint_url", app.baseUrl() + path);
      body.put("secret_key", kit.get("secret_key").asText());
      body.put("error_recipient_email", "ops@example.com");
      assertThat(sandboxSend("POST", "/sandbox/webhooks", body, false).statusCode()).isEqualTo(201);
    }
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(browser.texts("#webhook-rows tr[data-action] .badge"))
                    .hasSize(14)
                    .containsOnly("pinged"));
    assertThat(browser.js("return window.__sameDocument === true;"))
        .as("the statuses changed in place, without loading the page again")
        .isEqualTo(true);
    assertThat(browser.text(".steps li.step:nth-child(2)")).contains("14 of 14 pinged");
    browser.screenshot("webhooks-pinged");
  }

  @Test
  @Order(4)
  void step_3_previews_the_export_marks_a_refused_id_with_the_apis_words_then_saves_and_verifies()
      throws Exception {
    browser.open("/console/t/" + tenantId + "/users");
    browser.driver().findElement(By.cssSelector("#export-file")).sendKeys(export.toString());
    browser.submit("form[action$='/users/preview'] button[type=submit]");
    browser.waitText("#preview-h");

    JsonNode preview = apiUpload(Files.readAllBytes(export));
    assertThat(browser.text(".count-matched"))
        .isEqualTo(Integer.toString(preview.get("matched").size()));
    assertThat(browser.text(".count-unmatched"))
        .isEqualTo(Integer.toString(preview.get("unmatched").size()));
    assertThat(browser.text(".count-ambiguous"))
        .isEqualTo(Integer.toString(preview.get("ambiguous").size()));
    assertThat(browser.text(".count-errors"))
        .isEqualTo(Integer.toString(preview.get("errors").size()));
    assertThat(browser.text(".count-matched")).isEqualTo("3");
    assertThat(browser.text(".count-unmatched")).isEqualTo("1");
    for (int i = 0; i < recruiters.size(); i++) {
      assertThat(browser.attr("#review-rec-" + (i + 1), "value"))
          .isEqualTo(Long.toString(recruiters.get(i).greenhouseUserId()));
    }
    assertThat(browser.attr("#review-rec-outside", "value")).isEmpty();
    browser.screenshot("users-preview");

    // a wrong id typed in the review table: nothing is saved, the field says what the API says
    browser.type("#review-rec-outside", "999999999");
    browser.submit("#review button.primary");
    List<Map<String, Object>> sent = new ArrayList<>();
    for (int i = 0; i < recruiters.size(); i++) {
      sent.add(
          Map.of(
              "platform_user_id",
              "rec-" + (i + 1),
              "greenhouse_user_id",
              Long.toString(recruiters.get(i).greenhouseUserId())));
    }
    sent.add(Map.of("platform_user_id", "rec-outside", "greenhouse_user_id", "999999999"));
    Answer refused = app.put(api + "/user-mappings", token, sent);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(browser.waitText("#review-rec-outside-error"))
        .isEqualTo(refused.json().get("detail").asText());
    assertThat(browser.attr("#review-rec-outside", "aria-invalid")).isEqualTo("true");
    assertThat(browser.attr("#review-rec-outside", "value")).isEqualTo("999999999");
    assertThat(browser.attr("#review-rec-1", "value"))
        .isEqualTo(Long.toString(recruiters.get(0).greenhouseUserId()));
    assertThat(expect(200, app.get(api + "/user-mappings", token)).findValuesAsText("status"))
        .as("nothing was saved")
        .containsOnly("unmapped");
    browser.screenshot("users-refused-id");

    browser.type("#review-rec-outside", "");
    browser.submit("#review button.primary");
    assertThat(browser.waitText(".notice")).contains("Saved and verified");
    assertThat(browser.text(".count-verified")).isEqualTo("3");

    // the user the export did not have is mapped in place, in the saved table
    browser.type("#map-rec-outside", Long.toString(other.greenhouseUserId()));
    browser.submit("tr[data-user='rec-outside'] form button[type=submit]");
    browser.waitText(".notice");
    String apiStatus = null;
    for (JsonNode row : expect(200, app.get(api + "/user-mappings", token))) {
      if (row.get("platform_user_id").asText().equals("rec-outside")) {
        apiStatus = row.get("status").asText();
      }
    }
    assertThat(apiStatus).isNotEqualTo("unmapped");
    assertThat(browser.text("tr[data-user='rec-outside'] .badge"))
        .isEqualTo(apiStatus.replace('_', ' '));
    assertThat(browser.attr("#map-rec-outside", "value"))
        .isEqualTo(Long.toString(other.greenhouseUserId()));
    assertThat(apiStatus).as("another person's Greenhouse user").isEqualTo("email_mismatch");
    assertThat(browser.text("tr[data-user='rec-outside']")).contains("Only the operator");

    browser.submit("form[action$='/users/verify'] button[type=submit]");
    assertThat(browser.waitText(".notice")).contains("checked with Greenhouse again");
    browser.screenshot("users-saved");
  }

  @Test
  @Order(5)
  void step_4_activates_then_pauses_and_resumes() {
    browser.open("/console/t/" + tenantId + "/review");
    assertThat(browser.text("#tenant-state")).isEqualTo("draft");
    assertThat(browser.all(".blockers li")).isEmpty();
    // keyboard only: Tab from the top of the page reaches the button, Enter presses it
    browser.pressKeysUntilFocused("activate", org.openqa.selenium.Keys.ENTER);
    assertThat(browser.waitText(".notice")).contains("Active");
    assertThat(browser.text("#tenant-state")).isEqualTo("active");
    assertThat(app.get(api, token).json().get("state").asText()).isEqualTo("active");
    browser.screenshot("review-active");

    browser.submit("#pause");
    assertThat(browser.waitText(".notice")).contains("Paused");
    assertThat(app.get(api, token).json().get("state").asText()).isEqualTo("paused");
    browser.submit("#resume");
    assertThat(browser.waitText(".notice")).contains("Resumed");
    assertThat(browser.text("#tenant-state")).isEqualTo("active");
    assertThat(app.get(api, token).json().get("state").asText()).isEqualTo("active");
  }

  @Test
  @Order(6)
  void a_recruiters_edit_in_greenhouse_moves_its_webhook_to_delivering_live() throws Exception {
    browser.open("/console/t/" + tenantId + "/webhooks");
    String row = "#webhook-rows tr[data-action='update_candidate'] .badge";
    assertThat(browser.text(row)).isEqualTo("pinged");
    browser.js("window.__sameDocument = true;");
    long candidate =
        JSON.readTree(sandboxSend("GET", "/v1/candidates?per_page=1", null, true).body())
            .get(0)
            .get("id")
            .asLong();
    HttpResponse<String> edit =
        sandboxSend(
            "PATCH", "/v1/candidates/" + candidate, Map.of("title", "Head of Consoles"), true);
    assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
    await().atMost(LIVE).untilAsserted(() -> assertThat(browser.text(row)).isEqualTo("delivering"));
    assertThat(browser.js("return window.__sameDocument === true;")).isEqualTo(true);
    browser.screenshot("webhooks-delivering");
  }

  @Test
  @Order(7)
  void the_health_page_shows_a_push_reach_done_and_a_failed_one_with_its_reason_and_retry()
      throws Exception {
    browser.open("/console/t/" + tenantId + "/health");
    browser.waitText("#sync-state");
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(browser.all("[data-chart='deliveries'][data-drawn='true'] canvas"))
                    .isNotEmpty());
    assertThat(Long.parseLong(browser.text("#deliveries-total"))).isGreaterThanOrEqualTo(1);

    JsonNode jobs =
        JSON.readTree(sandboxSend("GET", "/v1/jobs?per_page=2&status=open", null, true).body());
    long job = jobs.get(0).get("id").asLong();
    String done = push("console-push-ok", person("Ada", job));
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(browser.attr("tr[data-push='" + done + "']", "data-state"))
                    .isEqualTo("done"));
    assertThat(browser.text("tr[data-push='" + done + "']"))
        .contains("console-push-ok", "candidate ");
    JsonNode summary = expect(200, app.get(api + "/push-summary", token));
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(browser.text("#funnel-pushed"))
                    .as("the page's funnel is the API's")
                    .isEqualTo(summary.get("funnel").get("pushed").asText()));
    assertThat(summary.get("funnel").get("pushed").asInt()).isEqualTo(1);
    Answer notRetryable = app.post(api + "/pushes/" + done + "/retry", token, null);
    assertThat(notRetryable.status()).isEqualTo(409);
    assertThat(notRetryable.json().get("detail").asText())
        .contains("only a push that failed or needs attention can be retried");
    assertThat(browser.all("tr[data-push='" + done + "'] button.retry")).isEmpty();
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(browser.all("[data-chart='funnel'][data-drawn='true'] canvas"))
                    .isNotEmpty());

    long foreignStage =
        JSON.readTree(
                sandboxSend(
                        "GET", "/v1/jobs/" + jobs.get(1).get("id").asLong() + "/stages", null, true)
                    .body())
            .get(0)
            .get("id")
            .asLong();
    Map<String, Object> bad = person("Bad", job);
    @SuppressWarnings("unchecked")
    Map<String, Object> target = (Map<String, Object>) bad.get("target");
    target.put("initial_stage_id", foreignStage);
    String failed = push("console-push-bad", bad);
    String failedRow = "tr[data-push='" + failed + "']";
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(browser.attr(failedRow, "data-state")).isEqualTo("failed"));
    JsonNode before = expect(200, app.get(api + "/pushes/" + failed, token));
    assertThat(browser.text(failedRow + " .reason")).isEqualTo(before.get("error").asText());
    browser.screenshot("health-failed-push");

    browser.click(failedRow + " button.retry");
    assertThat(browser.waitText("#pushes .notice")).contains("queued again");
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(
                        expect(200, app.get(api + "/pushes/" + failed, token))
                            .get("harvest_calls")
                            .asInt())
                    .as("the retry ran the push again")
                    .isGreaterThan(before.get("harvest_calls").asInt()));
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(browser.attr(failedRow, "data-state")).isEqualTo("failed"));
    browser.screenshot("health");
  }

  @Test
  @Order(8)
  void every_wizard_page_fits_a_390_px_screen_without_sideways_scrolling() {
    browser.viewport(390, 844);
    try {
      assertThat(browser.innerWidth()).isEqualTo(390);
      for (String step : List.of("connect", "webhooks", "users", "review", "health")) {
        browser.open("/console/t/" + tenantId + "/" + step);
        browser.waitText("h1");
        if (step.equals("connect")) {
          browser.waitText("#permissions .notice");
        }
        assertThat(browser.scrollsSideways()).as(step + " at 390 px").isFalse();
        assertThat(browser.unlabelledInputs()).as(step + ": inputs without a label").isEmpty();
        browser.screenshot("phone-" + step);
      }
    } finally {
      browser.viewport(1280, 1000);
    }
  }

  @Test
  @Order(9)
  void signing_out_ends_the_session_and_the_admin_token_picks_a_tenant() throws Exception {
    browser.open("/console/t/" + tenantId + "/review");
    String old = browser.driver().manage().getCookieNamed(ConsoleAuth.SESSION_COOKIE).getValue();
    browser.submit("form.sign-out button");
    browser.waitPath("/console/sign-in");
    assertThat(browser.waitText(".notice")).contains("signed out");
    HttpResponse<String> withOld =
        HTTP.send(
            HttpRequest.newBuilder(app.baseUrl().resolve("/console/t/" + tenantId + "/review"))
                .header("Cookie", ConsoleAuth.SESSION_COOKIE + "=" + old)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withOld.statusCode()).isEqualTo(303);
    assertThat(withOld.headers().firstValue("Location").orElse("")).startsWith("/console/sign-in");

    browser.type("#token", app.admin() + org.openqa.selenium.Keys.ENTER);
    browser.waitPath("/console/tenants");
    browser.waitPath("/console/tenants");
    browser.submit("a[href='/console/t/" + tenantId + "']");
    browser.waitPath("/console/t/" + tenantId + "/health");
    assertThat(browser.text(".top .tenant")).contains("Console ");
    browser.screenshot("admin-tenant");

    // only the operator confirms a pair whose emails differ (the API's admin-only confirm)
    browser.open("/console/t/" + tenantId + "/users");
    assertThat(browser.text("tr[data-user='rec-outside'] .badge")).isEqualTo("email mismatch");
    browser.submit("tr[data-user='rec-outside'] form[action$='/users/confirm'] button");
    assertThat(browser.waitText(".notice")).contains("Confirmed");
    assertThat(browser.text("tr[data-user='rec-outside'] .badge")).isEqualTo("verified");
    assertThat(mappingStatus("rec-outside")).isEqualTo("verified");
  }

  private static Map<String, Object> person(String first, long job) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "candidate");
    target.put("job_id", job);
    Map<String, Object> push = new LinkedHashMap<>();
    push.put("acting_user_id", "rec-1");
    push.put(
        "person",
        Map.of(
            "first_name",
            first,
            "last_name",
            "Console",
            "email_addresses",
            List.of(
                Map.of(
                    "value",
                    first.toLowerCase() + "-" + UUID.randomUUID() + "@example.com",
                    "type",
                    "personal"))));
    push.put("target", target);
    return push;
  }

  private static String push(String key, Map<String, Object> body) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(app.baseUrl().resolve(api + "/pushes"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    return JSON.readTree(answer.body()).get("id").asText();
  }

  private static JsonNode apiUpload(byte[] file) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(
                    app.baseUrl().resolve(api + "/user-mappings/import?filename=users.xlsx"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static HttpResponse<byte[]> sandboxGet(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> sandboxSend(
      String method, String path, Object body, boolean asRecruiter) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (asRecruiter) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)));
      request.header("On-Behalf-Of", Long.toString(recruiters.get(0).greenhouseUserId()));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String mappingStatus(String platformUser) {
    for (JsonNode row : expect(200, app.get(api + "/user-mappings", token))) {
      if (row.get("platform_user_id").asText().equals(platformUser)) {
        return row.get("status").asText();
      }
    }
    throw new AssertionError("no mapping row for " + platformUser);
  }

  private static JsonNode expect(int status, Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    return answer.json();
  }
}
