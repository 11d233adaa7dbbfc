package io.headhuntr.connector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the operator commands send their calls: the running connector's HTTP API. */
public final class ApiOptions {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(
      names = "--url",
      defaultValue = "${env:CONNECTOR_URL:-http://localhost:8080}",
      description = "the connector (default $CONNECTOR_URL or http://localhost:8080)")
  String url;

  @Option(
      names = "--token",
      defaultValue = "${env:CONNECTOR_ADMIN_TOKEN}",
      description = "bearer token (default $CONNECTOR_ADMIN_TOKEN)")
  String token;

  /** Sends a JSON body (or none) and prints the answer; exit code 0 on 2xx, 1 otherwise. */
  int call(String method, String path, Object body) {
    try {
      String json = body == null ? null : JSON.writeValueAsString(body);
      return send(
          method,
          path,
          json == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8),
          json == null ? null : "application/json");
    } catch (IOException e) {
      System.err.println("connector: cannot serialize the request: " + e.getMessage());
      return 1;
    }
  }

  /** Uploads a file as the raw body, with the content type its extension implies. */
  int upload(String method, String path, Path file) {
    try {
      String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      String type =
          name.endsWith(".xlsx")
              ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              : name.endsWith(".xls")
                  ? "application/vnd.ms-excel"
                  : name.endsWith(".csv") ? "text/csv" : "application/json";
      return send(method, path, HttpRequest.BodyPublishers.ofFile(file), type);
    } catch (IOException e) {
      System.err.println("connector: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
  }

  String readFile(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private int send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
            .timeout(Duration.ofMinutes(2))
            .method(method, body)
            .header("Accept", "application/json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.strip());
    }
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofString());
      boolean ok = response.statusCode() / 100 == 2;
      (ok ? System.out : System.err).println(pretty(response.body(), response.statusCode()));
      return ok ? 0 : 1;
    } catch (IOException e) {
      System.err.println("connector: cannot reach " + url + " (" + e.getMessage() + ")");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static String pretty(String body, int status) {
    if (body == null || body.isBlank()) {
      return "HTTP " + status;
    }
    try {
      JsonNode node = JSON.readTree(body);
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      return body;
    }
  }
}
