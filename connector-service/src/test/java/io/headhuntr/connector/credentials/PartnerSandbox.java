package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.headhuntr.connector.greenhouse.CallbackPage;
import io.headhuntr.connector.greenhouse.PartnerConsent;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.webhooks.inbox.TestClock;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A sandbox Greenhouse for "Connect Greenhouse" tests: its demo partner client registered for one
 * callback URL, a clock tests move (the sandbox's token lifetimes run on it), the consent form
 * posted by hand as a browser would, and the admin call that breaks every grant of the client.
 */
public final class PartnerSandbox implements AutoCloseable {
  /** A Harvest v1 key of the same account, to read Greenhouse's side as a person would. */
  public static final String V1_KEY = "partner-sandbox-v1-key";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final TestClock clock = new TestClock();
  private final GreenhouseSandbox sandbox;
  private final ClientCredentials client;
  private final URI callback;

  private PartnerSandbox(URI callback) {
    this.callback = callback;
    this.sandbox =
        GreenhouseSandbox.builder()
            .apiKey(V1_KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(5)
            .rateLimit(0)
            .v3RateLimit(0)
            .clock(clock)
            .partnerRedirectUri(callback.toString())
            .start();
    this.client = sandbox.demoPartnerClient();
  }

  /** A sandbox whose partner client sends the browser back to {@code callback}. */
  public static PartnerSandbox start(URI callback) {
    return new PartnerSandbox(callback);
  }

  /** A port nobody listens on now (for an app whose callback URL must be known first). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh master key (AES-256-GCM). */
  public static Aead newKey() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    try {
      return new AesGcmJce(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A database of the test's own (a fresh schema on the external test server, else an embedded
   * PostgreSQL in a temporary folder), for tests whose background rounds look at every tenant.
   */
  public static Database isolatedDatabase() {
    String url = System.getenv("CONNECTOR_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      return Database.external(
          TestDatabase.freshSchemaUrl(url),
          TestDatabase.externalUser(),
          TestDatabase.externalPassword());
    }
    try {
      return Database.embedded(Files.createTempDirectory("connector-partner-db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GreenhouseSandbox sandbox() {
    return sandbox;
  }

  /** The sandbox's clock: moving it ages every token it issued. */
  public TestClock clock() {
    return clock;
  }

  public String clientId() {
    return client.clientId();
  }

  public String clientSecret() {
    return client.secret().value();
  }

  /** The operator's partner client configuration, talking to the sandbox for everything. */
  public PartnerClient partner() {
    return partner(sandbox.baseUrl());
  }

  /** As above, with the token endpoint reached at {@code authUrl} (a proxy in front of it). */
  public PartnerClient partner(URI authUrl) {
    return new PartnerClient(
        client.clientId(),
        new ClientSecret(client.secret().value()),
        callback,
        authUrl,
        sandbox.baseUrl(),
        List.of());
  }

  /**
   * Connects {@code tenant} through {@code consent} as the browser would (start, the consent form
   * with "Authorize using a service account", the callback); fails unless it answers 200.
   */
  public void connect(PartnerConsent consent, UUID tenant) {
    URI back = consent(consent.start(tenant));
    CallbackPage page =
        consent.finish(
            Optional.of(query(back, "code")),
            Optional.of(query(back, "state")),
            Optional.empty(),
            Optional.empty());
    if (page.status() != 200) {
      throw new AssertionError("connect failed: " + page);
    }
  }

  /** Posts the consent form for {@code authorize}; the callback URL Greenhouse redirects to. */
  public URI consent(URI authorize) {
    HttpResponse<String> form = send(HttpRequest.newBuilder(authorize).GET());
    if (form.statusCode() != 200) {
      throw new AssertionError("consent page: " + form.statusCode() + " " + form.body());
    }
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(sandbox.baseUrl().resolve("/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        authorize.getRawQuery() + "&choice=service_account")));
    if (answer.statusCode() != 302) {
      throw new AssertionError("consent: " + answer.statusCode() + " " + answer.body());
    }
    return URI.create(answer.headers().firstValue("Location").orElseThrow());
  }

  /** Revokes every code, refresh token and access token of the partner client. */
  public void revokeEveryGrant() {
    HttpResponse<String> revoked =
        send(
            HttpRequest.newBuilder(
                    sandbox
                        .baseUrl()
                        .resolve("/sandbox/oauth/clients/" + client.clientId() + "/revoke"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (revoked.statusCode() != 204) {
      throw new AssertionError("revoke: " + revoked.statusCode() + " " + revoked.body());
    }
  }

  /** Calls the sandbox's {@code /token} has answered for the partner client so far. */
  public long tokenRequests() {
    return sandbox.tokenRequestCount(client.clientId());
  }

  /** Harvest v3 calls made with the partner client's tokens so far. */
  public long harvestRequests() {
    return sandbox.requestCount(client.clientId());
  }

  /** A Harvest v1 read of the same account ({@link #V1_KEY}): Greenhouse's side of things. */
  public JsonNode v1(String path) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((V1_KEY + ":").getBytes(StandardCharsets.UTF_8)))
                .GET());
    if (answer.statusCode() != 200) {
      throw new AssertionError(path + ": " + answer.statusCode() + " " + answer.body());
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of query parameter {@code name} of {@code uri} (as sent, still encoded). */
  public static String query(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " not in the query of " + uri.getPath());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
