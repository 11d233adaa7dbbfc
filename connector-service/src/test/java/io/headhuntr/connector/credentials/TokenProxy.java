package io.headhuntr.connector.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A loopback proxy in front of the sandbox's auth server ({@code /token}, {@code /introspect}): it
 * forwards every call, and for a refresh ({@code grant_type=refresh_token}) can hold the answer
 * until a condition holds before passing it on (e.g. until a second instance waits for the row
 * lock), or forever: the sandbox has answered, the new pair exists only in this proxy, and the
 * caller never gets it.
 */
final class TokenProxy implements AutoCloseable {
  private final URI target;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicBoolean conditionMet = new AtomicBoolean();
  private volatile BooleanSupplier passOnWhen;
  private volatile Duration passOnAtMost = Duration.ZERO;
  private volatile boolean holdRefreshAnswers;

  TokenProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Each refresh answer is passed on once {@code condition} holds, or after {@code atMost}; {@link
   * #conditionMet} says whether it held.
   */
  void holdRefreshAnswersUntil(BooleanSupplier condition, Duration atMost) {
    this.passOnWhen = condition;
    this.passOnAtMost = atMost;
  }

  /** Whether the condition of {@link #holdRefreshAnswersUntil} held while an answer waited. */
  boolean conditionMet() {
    return conditionMet.get();
  }

  /** From now on a refresh answer the sandbox gave is never passed on. */
  void holdRefreshAnswers() {
    this.holdRefreshAnswers = true;
  }

  /** Waits until the sandbox answered a refresh whose answer is held here. */
  boolean awaitHeldAnswer(Duration timeout) throws InterruptedException {
    return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Refresh requests forwarded to the sandbox so far. */
  int refreshes() {
    return refreshes.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    URI uri = exchange.getRequestURI();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    boolean refresh =
        uri.getPath().equals("/token")
            && (new String(body, StandardCharsets.UTF_8).contains("grant_type=refresh_token")
                || query.contains("grant_type=refresh_token"));
    HttpRequest.Builder forward =
        HttpRequest.newBuilder(
                target.resolve(uri.getRawPath() + (query.isEmpty() ? "" : "?" + query)))
            .timeout(Duration.ofSeconds(30))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String h : List.of("Authorization", "Content-Type", "Accept")) {
      String v = exchange.getRequestHeaders().getFirst(h);
      if (v != null) {
        forward.header(h, v);
      }
    }
    try {
      if (refresh) {
        refreshes.incrementAndGet();
      }
      HttpResponse<byte[]> answer =
          client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (refresh && holdRefreshAnswers && answer.statusCode() == 200) {
        held.countDown();
        released.await(); // the caller is killed waiting; close() lets this thread go
        exchange.close();
        return;
      }
      BooleanSupplier condition = passOnWhen;
      if (refresh && condition != null) {
        try {
          Awaitility.await()
              .atMost(passOnAtMost)
              .pollInterval(Duration.ofMillis(20))
              .until(condition::getAsBoolean);
          conditionMet.set(true);
        } catch (ConditionTimeoutException e) {
          // passed on anyway; the test reads conditionMet()
        }
      }
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
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
