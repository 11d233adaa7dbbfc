package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The hub's admin handlers on a Javalin app on a free port, wired as sandbox-core wires them, plus
 * a client.
 */
final class AdminApp implements AutoCloseable {

  record Answer(int status, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();

  AdminApp(WebhookHub hub) {
    app =
        Javalin.create(
                cfg -> {
                  cfg.routes.post("/sandbox/webhooks", hub::create);
                  cfg.routes.get("/sandbox/webhooks", hub::list);
                  cfg.routes.patch("/sandbox/webhooks/{id}", hub::update);
                  cfg.routes.delete("/sandbox/webhooks/{id}", hub::delete);
                  cfg.routes.get("/sandbox/deliveries", hub::deliveries);
                  cfg.routes.post("/sandbox/deliveries/retry", hub::retryNow);
                  cfg.routes.get("/sandbox/notices", hub::notices);
                })
            .start("127.0.0.1", 0);
  }

  Answer send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
  }

  @Override
  public void close() {
    app.stop();
  }
}
