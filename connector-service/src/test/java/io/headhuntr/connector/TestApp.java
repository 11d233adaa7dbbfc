package io.headhuntr.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.tenant.AdminToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The real {@link App} on port 0 over the shared test database, with a fresh admin token and master
 * key, and a small HTTP client for it (STYLE 5.5).
 */
public final class TestApp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The sandboxes tests start listen on loopback, on any port. */
  public static final io.headhuntr.connector.credentials.GreenhouseHosts LOOPBACK =
      io.headhuntr.connector.credentials.GreenhouseHosts.allowing(
          "http://127.0.0.1:*, http://localhost:*");

  private final App app;
  private final String adminTokenValue;
  private final Aead masterKey;
  private final HttpClient http = HttpClient.newHttpClient();

  public static TestApp start() {
    return start(Duration.ofMinutes(1));
  }

  public static TestApp start(Duration permissionCacheAge) {
    return start(TestDatabase.shared(), permissionCacheAge);
  }

  /** The app over {@code database} (a test that stops its database brings its own). */
  public static TestApp start(Database database) {
    return start(database, Duration.ofMinutes(1));
  }

  /** The app on a clock the test moves. */
  public static TestApp start(Duration permissionCacheAge, Clock clock) {
    return start(TestDatabase.shared(), permissionCacheAge, clock);
  }

  private static TestApp start(Database database, Duration permissionCacheAge) {
    return start(database, permissionCacheAge, Clock.systemUTC());
  }

  /** The app with {@code /metrics} behind a bearer token. */
  public static TestApp startWithMetricsToken(String metricsToken) {
    return start(
        TestDatabase.shared(), Duration.ofMinutes(1), Clock.systemUTC(), Optional.of(metricsToken));
  }

  private static TestApp start(Database database, Duration permissionCacheAge, Clock clock) {
    return start(database, permissionCacheAge, clock, Optional.empty());
  }

  private static TestApp start(
      Database database, Duration permissionCacheAge, Clock clock, Optional<String> metricsToken) {
    String admin = "ghc_admin_test_" + UUID.randomUUID();
    ConnectorConfig config =
        new ConnectorConfig(
            new ConnectorConfig.HttpConfig(0, ConnectorConfig.HttpConfig.DEFAULT_MAX_REQUEST_BYTES),
            new ConnectorConfig.DbConfig(Optional.of("shared"), "", "", Path.of("unused")),
            new ConnectorConfig.SecurityConfig(
                Optional.of(admin), Optional.empty(), permissionCacheAge, LOOPBACK, metricsToken),
            URI.create("http://connector.test"));
    Aead key = randomKey();
    App app = App.start(config, database, key, AdminToken.configured(admin), clock);
    return new TestApp(app, admin, key);
  }

  private TestApp(App app, String admin, Aead masterKey) {
    this.app = app;
    this.adminTokenValue = admin;
    this.masterKey = masterKey;
  }

  /** The key the app encrypts credentials with (to read them as another instance would). */
  public Aead masterKey() {
    return masterKey;
  }

  public String admin() {
    return adminTokenValue;
  }

  public App app() {
    return app;
  }

  public URI baseUrl() {
    return app.baseUrl();
  }

  private static Aead randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      return new AesGcmJce(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer: status, content type, raw body, and the body as JSON when it is JSON. */
  public record Answer(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  public Answer get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Answer post(String path, String token, Object body) {
    return send("POST", path, token, body);
  }

  public Answer put(String path, String token, Object body) {
    return send("PUT", path, token, body);
  }

  public Answer delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  public Answer send(String method, String path, String token, Object body) {
    try {
      String text =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(baseUrl().resolve(path))
              .timeout(Duration.ofSeconds(60))
              // a large body waits for "100 Continue": a server refusing it (413) answers first
              // instead of closing on a client still writing (a broken pipe, not an answer)
              .expectContinue(text != null && text.length() > 1_000_000)
              .method(
                  method,
                  text == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(text));
      if (text != null) {
        request.header("Content-Type", "application/json");
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates a tenant as the admin and returns its id. */
  public String createTenant(String name) {
    Answer answer =
        post(
            "/api/v1/tenants",
            admin(),
            Map.of("name", name, "error_recipient_email", "ats@example.com"));
    if (answer.status() != 201) {
      throw new IllegalStateException("tenant creation failed: " + answer);
    }
    return answer.json().get("tenant_id").asText();
  }

  /** Creates an API token for the tenant and returns its secret. */
  public String createToken(String tenantId) {
    Answer answer =
        post("/api/v1/tenants/" + tenantId + "/tokens", admin(), Map.of("name", "test"));
    if (answer.status() != 201) {
      throw new IllegalStateException("token creation failed: " + answer);
    }
    return answer.json().get("token").asText();
  }

  @Override
  public void close() {
    app.close();
  }
}
