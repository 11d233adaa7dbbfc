package io.headhuntr.connector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The few platform API calls the intake benchmark and crash test make against a running connector:
 * create a tenant and its token, read its webhook kit, read the inbox summary and the events feed.
 */
public final class ConnectorClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI baseUrl;

  public ConnectorClient(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A tenant ready to receive webhooks: its id, API token, endpoint on this host, and secret. */
  public record WebhookTenant(String tenantId, String token, URI endpoint, String secret) {
    @Override
    public String toString() {
      return "WebhookTenant[" + tenantId + ", " + endpoint + "]"; // no token, no secret
    }
  }

  /** An HTTP answer. */
  public record Answer(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  /**
   * Creates a tenant as the admin, a token for it, and reads its endpoint and secret from {@code
   * GET .../webhooks/setup}; the endpoint's path is resolved against this connector's own address
   * (the kit names the public URL).
   */
  public WebhookTenant createWebhookTenant(String adminToken, String name) {
    Answer tenant =
        expect(
            201,
            call(
                "POST",
                "/api/v1/tenants",
                adminToken,
                Map.of("name", name, "error_recipient_email", "ats@example.com")));
    String tenantId = tenant.json().get("tenant_id").asText();
    String token =
        expect(
                201,
                call(
                    "POST",
                    "/api/v1/tenants/" + tenantId + "/tokens",
                    adminToken,
                    Map.of("name", "bench")))
            .json()
            .get("token")
            .asText();
    JsonNode setup =
        expect(200, call("GET", "/api/v1/tenants/" + tenantId + "/webhooks/setup", token, null))
            .json();
    String path = URI.create(setup.get("endpoint_url").asText()).getPath();
    return new WebhookTenant(
        tenantId, token, baseUrl.resolve(path), setup.get("secret_key").asText());
  }

  public Answer call(String method, String path, String token, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(baseUrl.resolve(path))
              .timeout(Duration.ofSeconds(60))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(answer.statusCode(), answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The inbox rows per state ({@code ready, running, done, ignored, parked}) of the tenant. */
  public Map<String, Long> inboxStates(WebhookTenant tenant) {
    JsonNode states =
        expect(
                200,
                call(
                    "GET",
                    "/api/v1/tenants/" + tenant.tenantId() + "/webhooks/inbox",
                    tenant.token(),
                    null))
            .json()
            .path("states");
    Map<String, Long> counts = new java.util.TreeMap<>();
    states.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  /** Every outcome event of the tenant, in order, following {@code next_cursor} page by page. */
  public java.util.List<JsonNode> events(WebhookTenant tenant) {
    java.util.List<JsonNode> all = new java.util.ArrayList<>();
    String after = "";
    while (true) {
      JsonNode page =
          expect(
                  200,
                  call(
                      "GET",
                      "/api/v1/tenants/"
                          + tenant.tenantId()
                          + "/events?limit=1000"
                          + (after.isEmpty()
                              ? ""
                              : "&after="
                                  + java.net.URLEncoder.encode(
                                      after, java.nio.charset.StandardCharsets.UTF_8)),
                      tenant.token(),
                      null))
              .json();
      page.path("events").forEach(all::add);
      String next = page.path("next_cursor").asText("");
      if (page.path("events").isEmpty() || next.isEmpty() || next.equals(after)) {
        return all;
      }
      after = next;
    }
  }

  private static Answer expect(int status, Answer answer) {
    if (answer.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + answer);
    }
    return answer;
  }
}
