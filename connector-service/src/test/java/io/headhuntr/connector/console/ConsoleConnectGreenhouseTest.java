package io.headhuntr.connector.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.headhuntr.connector.App;
import io.headhuntr.connector.ConnectorConfig;
import io.headhuntr.connector.credentials.ClientSecret;
import io.headhuntr.connector.credentials.PartnerClient;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.tenant.AdminToken;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * "Connect Greenhouse" from the console, in a real chromium: the button leads to Greenhouse's
 * consent page (the sandbox's), a service account is chosen, Greenhouse sends the browser back to
 * the callback, and the console's first step then reads connected with every permission granted.
 * The service runs with an operator's partner client configured, which the main walk's does not.
 */
class ConsoleConnectGreenhouseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN = "ghc_admin_console_partner_" + UUID.randomUUID();
  private static final Duration LIVE = Duration.ofSeconds(30);

  private static GreenhouseSandbox sandbox;
  private static App app;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI callback = URI.create("http://localhost:" + port + "/oauth/greenhouse/callback");
    sandbox =
        GreenhouseSandbox.builder()
            .seed(SandboxSeed.DEMO)
            .candidates(5)
            .rateLimit(0)
            .v3RateLimit(0)
            .partnerRedirectUri(callback.toString())
            .start();
    ClientCredentials client = sandbox.demoPartnerClient();
    PartnerClient partner =
        new PartnerClient(
            client.clientId(),
            new ClientSecret(client.secret().value()),
            callback,
            sandbox.baseUrl(),
            sandbox.baseUrl(),
            List.of());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    app =
        App.start(
            new ConnectorConfig(
                new ConnectorConfig.HttpConfig(
                    port, ConnectorConfig.HttpConfig.DEFAULT_MAX_REQUEST_BYTES),
                new ConnectorConfig.DbConfig(Optional.of("shared"), "", "", Path.of("unused")),
                new ConnectorConfig.SecurityConfig(
                    Optional.of(ADMIN), Optional.empty(), Duration.ofMinutes(1)),
                URI.create("http://connector.test")),
            TestDatabase.shared(),
            new AesGcmJce(key),
            AdminToken.configured(ADMIN),
            Clock.systemUTC(),
            Optional.of(partner));
    browser = Browser.start(app.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void connect_greenhouse_goes_through_the_consent_page_and_comes_back_connected()
      throws Exception {
    String tenant =
        api(
                "POST",
                "/api/v1/tenants",
                Map.of("name", "Partner console", "error_recipient_email", "a@example.com"))
            .get("tenant_id")
            .asText();
    String link =
        api("POST", "/api/v1/tenants/" + tenant + "/console-links", null).get("path").asText();
    browser.driver().get(app.baseUrl().resolve(link).toString());
    await().atMost(LIVE).until(() -> browser.driver().getCurrentUrl().endsWith("/connect"));

    browser.driver().findElement(By.id("connect-greenhouse")).click();
    await()
        .atMost(LIVE)
        .until(() -> browser.driver().getCurrentUrl().startsWith(sandbox.baseUrl() + "/authorize"));
    browser.screenshot("partner-consent");
    browser.driver().findElement(By.id("choice-service")).click();
    browser
        .driver()
        .findElement(By.cssSelector("form[action='/authorize'] button:not([name])"))
        .click();
    await()
        .atMost(LIVE)
        .until(() -> browser.driver().getPageSource().contains("Back to the console"));
    browser.driver().findElement(By.linkText("Back to the console")).click();
    await()
        .atMost(LIVE)
        .until(() -> browser.driver().getCurrentUrl().contains("/console/t/" + tenant + "/"));

    browser.driver().get(app.baseUrl().resolve("/console/t/" + tenant + "/connect").toString());
    await()
        .atMost(LIVE)
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(
                        browser
                            .driver()
                            .findElement(By.cssSelector("#permissions .notice"))
                            .getText())
                    .isEqualTo("Every required permission is granted."));
    assertThat(browser.driver().findElement(By.cssSelector("#step-connect")).getText())
        .contains("Connected (Greenhouse partner)");
    JsonNode credential = api("GET", "/api/v1/tenants/" + tenant + "/greenhouse/credential", null);
    assertThat(credential.get("kind").asText()).isEqualTo("v3_partner");
    browser.screenshot("partner-connected");
  }

  private static JsonNode api(String method, String path, Object body) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(app.baseUrl().resolve(path))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode() / 100).as(path + ": " + answer.body()).isEqualTo(2);
    return JSON.readTree(answer.body());
  }
}
