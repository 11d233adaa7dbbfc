package io.headhuntr.connector.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's HTTP calls: JSON in and out, a bearer token, and failures that say which step broke.
 */
final class DemoHttp {

  /** One answer. */
  record Answer(int status, byte[] body) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("expected JSON, got: " + text(), e);
      }
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Answer send(String method, URI uri, String token, Object json) {
    return send(method, uri, token, json, Map.of());
  }

  /** Like {@link #send(String, URI, String, Object)} with extra request headers. */
  Answer send(String method, URI uri, String token, Object json, Map<String, String> headers) {
    byte[] body = json == null ? null : bytes(json);
    return send(method, uri, token, body, body == null ? null : "application/json", headers);
  }

  /** Posts {@code content} as the multipart field {@code file}. */
  Answer upload(URI uri, String token, String fileName, byte[] content) {
    String boundary = "demo-" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send("POST", uri, token, body, "multipart/form-data; boundary=" + boundary, Map.of());
  }

  /** Like {@link #send} but fails unless the status is 2xx, naming {@code step}. */
  JsonNode expectOk(String step, String method, URI uri, String token, Object json) {
    Answer answer = send(method, uri, token, json);
    return ok(step, answer).json();
  }

  static Answer ok(String step, Answer answer) {
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException(
          step + " failed: HTTP " + answer.status() + " " + answer.text());
    }
    return answer;
  }

  private Answer send(
      String method, URI uri, String token, byte[] body, String type, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    headers.forEach(request::header);
    if (token != null) {
      // "Basic ..." (Harvest) is sent as given; anything else is the connector's bearer token
      request.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static byte[] bytes(Object json) {
    try {
      return Json.mapper().writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
