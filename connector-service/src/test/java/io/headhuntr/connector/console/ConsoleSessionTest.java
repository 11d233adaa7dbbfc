package io.headhuntr.connector.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in over plain HTTP: where an anonymous browser is sent, one-time links (one
 * session, then refused), the cookie's flags, CSRF on every form, and a tenant's session kept to
 * its own tenant. Also the health routes the console added to the API, on an empty tenant.
 */
class ConsoleSessionTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirect

  private static TestApp app;
  private static String tenant;
  private static String token;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    tenant = app.createTenant("Console session " + UUID.randomUUID());
    token = app.createToken(tenant);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void the_root_opens_the_console_and_an_anonymous_visit_goes_to_the_sign_in_form()
      throws Exception {
    assertThat(location(get("/", null))).isEqualTo("/console");
    assertThat(location(get("/console", null))).isEqualTo("/console/sign-in");
    HttpResponse<String> page = get("/console/t/" + tenant + "/connect", null);
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(location(page)).isEqualTo("/console/sign-in?why=expired");
    HttpResponse<String> form = get("/console/sign-in", null);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
    assertThat(form.body()).contains("<label for=\"token\">");
  }

  @Test
  void a_sign_in_link_opens_one_session_and_is_refused_the_second_time() throws Exception {
    JsonNode link = app.post("/api/v1/tenants/" + tenant + "/console-links", token, null).json();
    String path = link.get("path").asText();
    assertThat(link.get("url").asText()).isEqualTo("http://connector.test" + path);

    HttpResponse<String> first = get(path, null);
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(location(first)).isEqualTo("/console/t/" + tenant);
    String cookie = sessionCookie(first);
    assertThat(cookie).contains("; Path=/console", "; HttpOnly", "; SameSite=Strict");
    assertThat(cookie).doesNotContain("Secure");
    String session = cookie.substring(0, cookie.indexOf(';'));

    HttpResponse<String> review = get("/console/t/" + tenant + "/review", session);
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(review.body()).contains("Console session ", "Review and activate");

    HttpResponse<String> again = get(path, null);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("This sign-in link no longer works");
    assertThat(again.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(ConsoleAuth.SESSION_COOKIE + "=") && c.length() > 30);
  }

  @Test
  void the_cookie_is_secure_when_the_console_is_reached_over_https() throws Exception {
    String path =
        app.post("/api/v1/tenants/" + tenant + "/console-links", token, null)
            .json()
            .get("path")
            .asText();
    HttpResponse<String> first =
        HTTP.send(
            HttpRequest.newBuilder(app.baseUrl().resolve(path))
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sessionCookie(first)).contains("; Secure", "; HttpOnly", "; SameSite=Strict");
  }

  @Test
  void a_form_without_the_sessions_csrf_token_is_refused_and_changes_nothing() throws Exception {
    String session = signIn(tenant);
    String activate = "/console/t/" + tenant + "/activate";

    assertThat(post(activate, session, Map.of()).statusCode()).isEqualTo(403);
    assertThat(post(activate, session, Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(app.get("/api/v1/tenants/" + tenant, token).json().get("state").asText())
        .isEqualTo("draft");

    // with the token, activation runs and is refused with the API's own words
    String csrf = csrf(get("/console/t/" + tenant + "/review", session).body());
    HttpResponse<String> refused = post(activate, session, Map.of("_csrf", csrf));
    JsonNode api = app.post("/api/v1/tenants/" + tenant + "/activate", token, null).json();
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains(escape(api.get("detail").asText()));
  }

  @Test
  void a_tenant_session_opens_only_its_own_tenant() throws Exception {
    String other = app.createTenant("Someone else " + UUID.randomUUID());
    String session = signIn(tenant);
    HttpResponse<String> page = get("/console/t/" + other + "/connect", session);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).doesNotContain("Someone else");
    assertThat(get("/console/t/not-a-uuid/connect", session).statusCode()).isEqualTo(404);
    assertThat(location(get("/console/tenants", session))).isEqualTo("/console/t/" + tenant);
  }

  @Test
  void the_sign_in_form_refuses_a_post_without_its_own_token() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(app.baseUrl().resolve("/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(ConsoleAuth.SESSION_COOKIE + "="));
  }

  @Test
  void the_health_routes_answer_an_empty_tenant_and_name_a_bad_parameter() {
    String api = "/api/v1/tenants/" + tenant;
    JsonNode summary = app.get(api + "/push-summary", token).json();
    assertThat(summary.get("queue").get("queued").asInt()).isZero();
    assertThat(summary.get("queue").get("awaiting_confirmation").asInt()).isZero();
    assertThat(summary.get("funnel").get("hired").asInt()).isZero();
    assertThat(summary.get("latest")).isEmpty();

    JsonNode deliveries = app.get(api + "/webhooks/deliveries", token).json();
    assertThat(deliveries.get("hours")).hasSize(48);
    assertThat(deliveries.get("deliveries").asLong()).isZero();
    assertThat(app.get(api + "/webhooks/deliveries?hours=3", token).json().get("hours")).hasSize(3);

    TestApp.Answer bad = app.get(api + "/webhooks/deliveries?hours=0", token);
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("field").asText()).isEqualTo("hours");

    TestApp.Answer unknown = app.post(api + "/pushes/" + UUID.randomUUID() + "/retry", token, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(app.get(api + "/push-summary", "ghc_wrong").status()).isEqualTo(401);
  }

  private static String signIn(String tenantId) throws Exception {
    String path =
        app.post("/api/v1/tenants/" + tenantId + "/console-links", token, null)
            .json()
            .get("path")
            .asText();
    String cookie = sessionCookie(get(path, null));
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private static String sessionCookie(HttpResponse<String> answer) {
    List<String> cookies = answer.headers().allValues("Set-Cookie");
    return cookies.stream()
        .filter(c -> c.startsWith(ConsoleAuth.SESSION_COOKIE + "=") && !c.contains("Max-Age=0"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF field in the page");
    }
    return m.group(1);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&#34;")
        .replace("'", "&#39;");
  }

  private static String location(HttpResponse<String> answer) {
    return answer.headers().firstValue("Location").orElse("");
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.baseUrl().resolve(path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String cookie, Map<String, String> form)
      throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
