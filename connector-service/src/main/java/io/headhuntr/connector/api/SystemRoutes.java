package io.headhuntr.connector.api;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Operations and documentation: health, metrics, the OpenAPI document and Swagger UI. */
public final class SystemRoutes {
  private static final String SWAGGER_UI_PROPERTIES =
      "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final BooleanSupplier databaseReachable;
  private final PrometheusMeterRegistry metrics;
  private final Supplier<Map<String, Object>> openApi;
  private final String docsPage;
  private final java.util.Optional<byte[]> metricsToken;

  /** {@code openApi} is asked once per request; it is built from the whole route table. */
  public SystemRoutes(
      BooleanSupplier databaseReachable,
      PrometheusMeterRegistry metrics,
      Supplier<Map<String, Object>> openApi) {
    this(databaseReachable, metrics, openApi, java.util.Optional.empty());
  }

  /**
   * As above; {@code metricsToken} ({@code CONNECTOR_METRICS_TOKEN}), when set, is the bearer token
   * {@code /metrics} asks for; without it {@code /metrics} answers loopback clients only.
   */
  public SystemRoutes(
      BooleanSupplier databaseReachable,
      PrometheusMeterRegistry metrics,
      Supplier<Map<String, Object>> openApi,
      java.util.Optional<String> metricsToken) {
    this.metricsToken = metricsToken.map(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    this.databaseReachable = databaseReachable;
    this.metrics = metrics;
    this.openApi = openApi;
    this.docsPage = docsPage(swaggerUiVersion());
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/health/live", Access.PUBLIC, this::live)
            .doc("operations", "Liveness: the process answers")
            .returns(200, "Health"),
        Route.get("/health/ready", Access.PUBLIC, this::ready)
            .doc("operations", "Readiness: the database answers (503 when not)")
            .returns(200, "Health"),
        Route.get("/metrics", Access.PUBLIC, this::metrics)
            .doc(
                "operations",
                "Prometheus metrics: with CONNECTOR_METRICS_TOKEN set, for its bearer only;"
                    + " otherwise for loopback clients only")
            .returnsRaw(200, "text/plain"),
        Route.get("/openapi.json", Access.PUBLIC, this::openApi)
            .doc("documentation", "This OpenAPI document")
            .returnsRaw(200, "application/json"),
        Route.get("/docs", Access.PUBLIC, this::docs)
            .doc("documentation", "Swagger UI over /openapi.json")
            .returnsRaw(200, "text/html"));
  }

  void live(Context ctx) {
    ctx.json(Map.of("status", "up"));
  }

  void ready(Context ctx) {
    boolean up = databaseReachable.getAsBoolean();
    ctx.status(up ? 200 : 503)
        .json(Map.of("status", up ? "ready" : "not ready", "database", up ? "up" : "down"));
  }

  void metrics(Context ctx) {
    if (metricsToken.isPresent()) {
      String header = ctx.header("Authorization");
      byte[] presented =
          header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
              ? header.substring(7).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : new byte[0];
      if (!java.security.MessageDigest.isEqual(presented, metricsToken.get())) {
        throw ProblemException.unauthorized(
            "/metrics needs the metrics token: send \"Authorization: Bearer <CONNECTOR_METRICS_TOKEN>\"");
      }
    } else if (!isLoopback(ctx.req().getRemoteAddr())) {
      throw ProblemException.forbidden(
          "/metrics answers loopback clients only; set CONNECTOR_METRICS_TOKEN to scrape it from"
              + " elsewhere");
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  private static boolean isLoopback(String address) {
    try {
      return address != null && java.net.InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  void openApi(Context ctx) {
    ctx.json(openApi.get());
  }

  void docs(Context ctx) {
    ctx.html(docsPage);
  }

  private static String swaggerUiVersion() {
    try (InputStream in =
        SystemRoutes.class.getClassLoader().getResourceAsStream(SWAGGER_UI_PROPERTIES)) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "5.34.1");
    } catch (IOException e) {
      return "5.34.1";
    }
  }

  private static String docsPage(String version) {
    String base = "/webjars/swagger-ui/" + version + "/";
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Greenhouse Connector API</title>"
        + "<link rel=\"stylesheet\" href=\""
        + base
        + "swagger-ui.css\"></head>\n"
        + "<body><div id=\"swagger-ui\"></div>\n"
        + "<script src=\""
        + base
        + "swagger-ui-bundle.js\"></script>\n"
        + "<script>window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});"
        + "</script>\n</body></html>\n";
  }
}
