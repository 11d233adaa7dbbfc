package io.headhuntr.connector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.bench.ConnectorClient.WebhookTenant;
import io.headhuntr.sandbox.GreenhouseSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Walks a tenant through the setup guide over a running connector's API, as an admin would: the
 * tenant and its token, the Greenhouse v1 key, one platform user mapped to a Greenhouse user, the
 * duplicate policy, activation (which schedules the backfill). Also the few Harvest reads and
 * sandbox admin calls the two-instance run makes.
 */
final class TenantSetup {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TenantSetup() {}

  /** A tenant set up and active: its id, token, webhook endpoint path and secret. */
  record ActiveTenant(UUID id, String token, String endpointPath, String secret) {
    String api() {
      return "/api/v1/tenants/" + id;
    }

    @Override
    public String toString() {
      return "ActiveTenant[" + id + "]"; // no token, no secret
    }
  }

  /** {@link #prepare} and {@link #activate}. */
  static ActiveTenant activate(
      ConnectorClient api,
      String admin,
      String name,
      GreenhouseSandbox greenhouse,
      String key,
      String duplicatePolicy) {
    ActiveTenant tenant = prepare(api, admin, name, greenhouse, key, duplicatePolicy);
    activate(api, tenant);
    return tenant;
  }

  /** Activation: the connector schedules the tenant's backfill. */
  static void activate(ConnectorClient api, ActiveTenant tenant) {
    expect(200, api.call("POST", tenant.api() + "/activate", tenant.token(), null));
  }

  /** Everything the guide asks before activation (the credential check calls Greenhouse). */
  static ActiveTenant prepare(
      ConnectorClient api,
      String admin,
      String name,
      GreenhouseSandbox greenhouse,
      String key,
      String duplicatePolicy) {
    WebhookTenant created = api.createWebhookTenant(admin, name);
    String base = "/api/v1/tenants/" + created.tenantId();
    String token = created.token();
    expect(
        200,
        api.call(
            "PUT",
            base + "/greenhouse/credential",
            token,
            Map.of("api_key", key, "base_url", greenhouse.baseUrl().toString())));
    JsonNode user = harvest(greenhouse, key, "/v1/users?per_page=1").get(0);
    expect(
        200,
        api.call(
            "PUT",
            base + "/users",
            token,
            List.of(
                Map.of(
                    "id", "rec-1",
                    "email", user.get("primary_email_address").asText(),
                    "name", "Recruiter One"))));
    expect(
        200,
        api.call(
            "PUT",
            base + "/user-mappings",
            token,
            List.of(
                Map.of(
                    "platform_user_id", "rec-1", "greenhouse_user_id", user.get("id").asLong()))));
    expect(
        200,
        api.call(
            "PUT", base + "/push-settings", token, Map.of("duplicate_policy", duplicatePolicy)));
    return new ActiveTenant(
        UUID.fromString(created.tenantId()), token, created.endpoint().getPath(), created.secret());
  }

  /** A Harvest v1 read with {@code key}: the JSON answer, or an exception naming the status. */
  static JsonNode harvest(GreenhouseSandbox greenhouse, String key, String path) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(greenhouse.baseUrl() + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
                .GET());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + answer.statusCode());
    }
    return read(answer.body());
  }

  /**
   * Every request of the sandbox with this method and a path under {@code pathPrefix} waits {@code
   * latency} before its answer (the sandbox's fault rules).
   */
  static void slowRequests(
      GreenhouseSandbox greenhouse, String method, String pathPrefix, Duration latency) {
    String rules =
        "{\"rules\":[{\"path\":\""
            + pathPrefix
            + "\",\"method\":\""
            + method
            + "\",\"latency_ms\":"
            + latency.toMillis()
            + "}]}";
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(greenhouse.baseUrl() + "/sandbox/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rules)));
    if (answer.statusCode() >= 300) {
      throw new IllegalStateException("faults refused: " + answer.body());
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  private static void expect(int status, ConnectorClient.Answer answer) {
    if (answer.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + answer);
    }
  }
}
