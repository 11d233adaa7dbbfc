package io.headhuntr.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint for tests: answers 200 and keeps every delivery's bytes and signature. */
final class HookReceiver implements AutoCloseable {
  /** One received POST. */
  record Received(String action, JsonNode payload, byte[] body, String signature) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  HookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          JsonNode json = SandboxHttp.JSON.readTree(body);
          received.add(
              new Received(
                  json.path("action").asText(),
                  json.path("payload"),
                  body,
                  exchange.getRequestHeaders().getFirst("Signature")));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Received> of(String action) {
    return received.stream().filter(r -> r.action().equals(action)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
