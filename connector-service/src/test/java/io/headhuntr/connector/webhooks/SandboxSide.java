package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.sandbox.GreenhouseSandbox;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Greenhouse's side of a webhook test, as the sandbox's admin routes and a v1 key see it. */
final class SandboxSide {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final GreenhouseSandbox sandbox;
  private final String v1Key;

  SandboxSide(GreenhouseSandbox sandbox, String v1Key) {
    this.sandbox = sandbox;
    this.v1Key = v1Key;
  }

  /**
   * Every webhook in the account: id, name, action, endpoint_url, active, updated_at (what a ping
   * or a delivery changes, such as counters, is left out: it is not the webhook itself).
   */
  List<JsonNode> webhooks() throws Exception {
    List<JsonNode> hooks = new ArrayList<>();
    for (JsonNode h : admin("GET", "/sandbox/webhooks", null)) {
      Map<String, Object> kept = new HashMap<>();
      for (String field : List.of("id", "name", "action", "endpoint_url", "active", "updated_at")) {
        kept.put(field, h.get(field));
      }
      hooks.add(JSON.valueToTree(kept));
    }
    return hooks;
  }

  JsonNode webhook(String action) throws Exception {
    return webhooks().stream()
        .filter(w -> w.get("action").asText().equals(action))
        .findFirst()
        .orElseThrow();
  }

  /** How many pings Greenhouse has sent (each save of a webhook sends one). */
  int pings() throws Exception {
    return admin("GET", "/sandbox/deliveries?action=ping&limit=10000", null).size();
  }

  /** A sandbox admin call; fails the test unless it answers 2xx. */
  JsonNode admin(String method, String path, Object body) throws Exception {
    HttpResponse<String> answer =
        send(HttpRequest.newBuilder(sandbox.baseUrl().resolve(path)), method, body);
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(300);
    return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
  }

  /** A Harvest v1 call with the account's key, as {@code onBehalfOf} when not null. */
  JsonNode v1(String method, String path, Object body, Long onBehalfOf) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((v1Key + ":").getBytes(StandardCharsets.UTF_8)));
    if (onBehalfOf != null) {
      request.header("On-Behalf-Of", onBehalfOf.toString());
    }
    HttpResponse<String> answer = send(request, method, body);
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(300);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String method, Object body)
      throws Exception {
    return http.send(
        request
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
