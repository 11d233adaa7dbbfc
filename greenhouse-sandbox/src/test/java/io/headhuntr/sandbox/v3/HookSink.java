package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint for tests: answers pings with 200 and deliveries with a chosen status, and
 * keeps every request body.
 */
final class HookSink implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final int pingStatus;
  private final int deliveryStatus;

  HookSink(int pingStatus, int deliveryStatus) throws IOException {
    this.pingStatus = pingStatus;
    this.deliveryStatus = deliveryStatus;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          JsonNode json = V3Client.JSON.readTree(exchange.getRequestBody().readAllBytes());
          received.add(json);
          boolean ping = json.path("action").asText().equals("ping");
          exchange.sendResponseHeaders(ping ? this.pingStatus : this.deliveryStatus, -1);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Received bodies of this action (pings included when asked). */
  List<JsonNode> received(String action) {
    return received.stream().filter(j -> j.path("action").asText().equals(action)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
