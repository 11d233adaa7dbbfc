package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.sandbox.GreenhouseSandbox;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/** Test calls to the sandbox: admin routes and a direct Harvest read. */
final class SandboxCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final GreenhouseSandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  SandboxCalls(GreenhouseSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** {@code POST /sandbox/keys}: a key holding exactly {@code permissions}. */
  void createKey(String key, Collection<String> permissions) throws Exception {
    String body = JSON.writeValueAsString(Map.of("key", key, "permissions", permissions));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(sandbox.baseUrl().resolve("/sandbox/keys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("sandbox refused the key: " + response.body());
    }
  }

  /** {@code DELETE /sandbox/keys/{key}}. */
  void revokeKey(String key) throws Exception {
    http.send(
        HttpRequest.newBuilder(sandbox.baseUrl().resolve("/sandbox/keys/" + key)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The users of the account, read with {@code key}. */
  JsonNode users(String key) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(sandbox.baseUrl().resolve("/v1/users?per_page=5"))
                .header("Authorization", "Basic " + basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
