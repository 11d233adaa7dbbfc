package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP proxy in front of the sandbox that keeps what the connector sent (method, path,
 * On-Behalf-Of, the acting user a v3 bearer token names, body), so tests can check the bytes of an
 * uploaded file and the acting user. Tokens themselves are not kept.
 */
final class RecordingProxy implements AutoCloseable {
  /**
   * @param tokenSubject the {@code sub} claim of a v3 bearer token (the user the write acts as), or
   *     null
   */
  record Sent(String method, String path, String onBehalfOf, String tokenSubject, byte[] body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  final List<Sent> sent = new CopyOnWriteArrayList<>();

  RecordingProxy(URI target) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          String method = exchange.getRequestMethod();
          URI uri = exchange.getRequestURI();
          sent.add(
              new Sent(
                  method,
                  uri.getPath(),
                  exchange.getRequestHeaders().getFirst("On-Behalf-Of"),
                  subject(exchange.getRequestHeaders().getFirst("Authorization")),
                  body));
          HttpRequest.Builder forward =
              HttpRequest.newBuilder(
                      target.resolve(
                          uri.getRawPath()
                              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                  .method(
                      method,
                      body.length == 0
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofByteArray(body));
          for (String h : List.of("Authorization", "On-Behalf-Of", "Content-Type")) {
            String v = exchange.getRequestHeaders().getFirst(h);
            if (v != null) {
              forward.header(h, v);
            }
          }
          try {
            HttpResponse<byte[]> answer =
                client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer
                .headers()
                .map()
                .forEach(
                    (name, values) -> {
                      if (!name.equalsIgnoreCase("content-length")
                          && !name.equalsIgnoreCase("transfer-encoding")
                          && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                      }
                    });
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
              os.write(out);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
          }
        });
    server.start();
  }

  /** The {@code sub} of a {@code Bearer <JWT>} header (its payload read, never its signature). */
  private static String subject(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String[] parts = authorization.substring("Bearer ".length()).split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims.hasNonNull("sub") ? claims.get("sub").asText() : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
