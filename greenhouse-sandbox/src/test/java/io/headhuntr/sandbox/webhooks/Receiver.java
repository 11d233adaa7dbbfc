package io.headhuntr.sandbox.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A loopback webhook receiver for tests: records every request's exact bytes and headers, answers
 * as scripted.
 */
final class Receiver implements AutoCloseable {

  /** One received request. */
  record Received(byte[] body, Map<String, List<String>> headers, Instant at) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile ToIntFunction<Received> answer = r -> 200;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Answers every request with this status (computed per request; may block to hold requests). */
  Receiver answering(ToIntFunction<Received> statusFor) {
    this.answer = statusFor;
    return this;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/greenhouse");
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> receivedWithAction(String action) {
    return received.stream()
        .filter(r -> r.text().contains("\"action\":\"" + action + "\""))
        .toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      Received r =
          new Received(in.readAllBytes(), Map.copyOf(exchange.getRequestHeaders()), Instant.now());
      received.add(r);
      int status = answer.applyAsInt(r);
      exchange.sendResponseHeaders(status, -1);
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
