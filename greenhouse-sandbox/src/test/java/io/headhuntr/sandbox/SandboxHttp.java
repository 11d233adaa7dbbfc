package io.headhuntr.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A raw HTTP caller for tests: sends exactly what it is told, with or without key and On-Behalf-Of.
 */
final class SandboxHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String key;
  private final Long actingUser;

  SandboxHttp(URI base, String key, Long actingUser) {
    this.base = base;
    this.key = key;
    this.actingUser = actingUser;
  }

  SandboxHttp withKey(String newKey) {
    return new SandboxHttp(base, newKey, actingUser);
  }

  SandboxHttp actingAs(Long user) {
    return new SandboxHttp(base, key, user);
  }

  /** One answer: status, headers and the body parsed as JSON (null when not JSON). */
  record Answer(int status, java.net.http.HttpHeaders headers, String text) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  Answer send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
      if (key != null) {
        String token =
            Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        request.header("Authorization", "Basic " + token);
      }
      if (actingUser != null) {
        request.header("On-Behalf-Of", Long.toString(actingUser));
      }
      String text =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      request.method(
          method,
          text == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
      if (text != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
