package io.headhuntr.connector;

import com.google.crypto.tink.Aead;
import io.headhuntr.connector.api.Access;
import io.headhuntr.connector.api.BearerAuth;
import io.headhuntr.connector.api.CredentialRoutes;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.OpenApiDocument;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.api.ProblemMapper;
import io.headhuntr.connector.api.Route;
import io.headhuntr.connector.api.SystemRoutes;
import io.headhuntr.connector.api.TenantRoutes;
import io.headhuntr.connector.api.TokenRoutes;
import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.credentials.HarvestClients;
import io.headhuntr.connector.credentials.TenantHarvest;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.tenant.Activation;
import io.headhuntr.connector.tenant.AdminToken;
import io.headhuntr.connector.tenant.ApiTokens;
import io.headhuntr.connector.tenant.Tenants;
import io.headhuntr.connector.users.UserMappingApi;
import io.headhuntr.connector.webhooks.WebhookKitApi;
import io.headhuntr.connector.webhooks.WebhookKitConfig;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The composition root of the service and THE route table: every HTTP route is declared in {@link
 * #routes}, from which Javalin is configured and {@code /openapi.json} is written.
 */
public final class App implements AutoCloseable {
  private static final String STARTED_NANOS = "connector.started_nanos";

  private final Javalin javalin;
  private final List<Route> routes;
  private final TenantHarvest harvest;

  private App(Javalin javalin, List<Route> routes, TenantHarvest harvest) {
    this.javalin = javalin;
    this.routes = routes;
    this.harvest = harvest;
  }

  /** Wires every capability over {@code database} and starts listening on the configured port. */
  public static App start(
      ConnectorConfig config, Database database, Aead masterKey, AdminToken admin, Clock clock) {
    Tenants tenants = new Tenants(database.jdbi());
    ApiTokens tokens = new ApiTokens(database.jdbi());
    Credentials credentials =
        new Credentials(
            database.jdbi(), masterKey, Json.mapper(), clock, config.security().permissionCacheAge());
    HarvestClients harvest = new HarvestClients(credentials);
    WebhookKitApi webhooks =
        new WebhookKitApi(database.jdbi(), WebhookKitConfig.of(config.publicBaseUrl()).withClock(clock));
    UserMappingApi users = new UserMappingApi(database.jdbi(), harvest, clock);
    Activation activation =
        new Activation(
            tenants,
            List.of(credentials::activationProblems, tenantId -> mappedUserProblems(users, tenantId)),
            webhooks::warnings);

    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);

    List<Route> table = new ArrayList<>();
    Map<String, Object>[] openApi = new Map[1];
    table.addAll(new SystemRoutes(database::isReachable, metrics, () -> openApi[0]).routes());
    table.addAll(new TenantRoutes(tenants, activation, webhooks::initTenant).routes());
    table.addAll(new TokenRoutes(tokens).routes());
    table.addAll(new CredentialRoutes(credentials).routes());
    String tenant = "/api/v1/tenants/{tenant_id}";
    table.add(
        Route.get(tenant + "/webhooks/setup", Access.TENANT, webhooks::setup)
            .doc("webhooks", "The webhook kit: endpoint URL, secret, the 14 webhooks and status")
            .returns(200, "WebhookSetup"));
    table.add(
        Route.post(tenant + "/webhooks/secret/rotate", Access.TENANT, webhooks::rotateSecret)
            .doc("webhooks", "Rotate the webhook secret (the old one works for a grace period)")
            .returns(200, "WebhookSecret"));
    table.add(
        Route.post("/webhooks/greenhouse/{endpoint_key}", Access.PUBLIC, webhooks::receive)
            .doc("webhooks", "Greenhouse webhook intake (signed with the tenant's secret)")
            .accepts("GreenhouseWebhook")
            .returnsRaw(200, "application/json"));
    table.add(
        Route.put(tenant + "/users", Access.TENANT, users::putUsers)
            .doc("users", "Replace the tenant's platform users [{id, email, name}]")
            .accepts("PlatformUsers")
            .returns(200, "PlatformUsers"));
    table.add(
        Route.get(tenant + "/users", Access.TENANT, users::listUsers)
            .doc("users", "List the tenant's platform users")
            .returns(200, "PlatformUsers"));
    table.add(
        Route.post(tenant + "/user-mappings/import", Access.TENANT, users::importExport)
            .doc("users", "Preview Greenhouse's user export (.xlsx, .xls, .csv) matched by email")
            .accepts("SpreadsheetUpload")
            .returns(200, "UserMappingPreview"));
    table.add(
        Route.put(tenant + "/user-mappings", Access.TENANT, users::putMappings)
            .doc("users", "Save the reviewed mapping; every id is verified against Greenhouse")
            .accepts("UserMappingUpdate")
            .returns(200, "UserMappings"));
    table.add(
        Route.get(tenant + "/user-mappings", Access.TENANT, users::listMappings)
            .doc("users", "The mapping, one row per platform user, with its status")
            .returns(200, "UserMappings"));
    table.add(
        Route.post(tenant + "/user-mappings/verify", Access.TENANT, users::verifyMappings)
            .doc("users", "Verify every mapped id against Greenhouse again")
            .returns(200, "UserMappings"));
    List<Route> routes = List.copyOf(table);
    openApi[0] = OpenApiDocument.of(routes, version());

    BearerAuth auth = new BearerAuth(admin, tokens, tenants);
    Javalin javalin =
        Javalin.create(
            cfg -> {
              cfg.http.maxRequestSize = config.http().maxRequestBytes();
              cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
              cfg.staticFiles.enableWebjars();
              cfg.startup.showJavalinBanner = false;
              for (Route route : routes) {
                cfg.routes.addHttpHandler(route.method(), route.path(), auth.guard(route));
              }
              cfg.routes.exception(ProblemException.class, ProblemMapper::write);
              cfg.routes.exception(
                  io.javalin.http.HttpResponseException.class, ProblemMapper::javalin);
              cfg.routes.exception(Exception.class, ProblemMapper::unexpected);
              cfg.routes.error(404, ProblemMapper::forStatus);
              cfg.routes.error(405, ProblemMapper::forStatus);
              cfg.routes.error(413, ProblemMapper::forStatus);
              cfg.routes.before(ctx -> ctx.attribute(STARTED_NANOS, System.nanoTime()));
              cfg.routes.after(ctx -> record(metrics, ctx));
            });
    javalin.start(config.http().port());
    return new App(javalin, routes, harvest);
  }

  private static List<String> mappedUserProblems(UserMappingApi users, java.util.UUID tenantId) {
    return users.verifiedMappedUsers(tenantId) >= 1
        ? List.of()
        : List.of(
            "no platform user is mapped to a verified Greenhouse user id"
                + " (import the user export, then PUT .../user-mappings)");
  }

  private static void record(PrometheusMeterRegistry metrics, io.javalin.http.Context ctx) {
    Long started = ctx.attribute(STARTED_NANOS);
    if (started == null) {
      return;
    }
    String route;
    try {
      io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
      route = matched == null ? "unmatched" : matched.path;
    } catch (RuntimeException unmatched) {
      route = "unmatched";
    }
    Timer.builder("connector.http.requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(metrics)
        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private static String version() {
    String v = App.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  public int port() {
    return javalin.port();
  }

  public URI baseUrl() {
    return URI.create("http://localhost:" + port());
  }

  /** The route table, as registered. */
  public List<Route> routes() {
    return routes;
  }

  /** The tenants' Harvest clients (for the demo and later capabilities). */
  public TenantHarvest harvest() {
    return harvest;
  }

  Javalin javalin() {
    return javalin;
  }

  /** Stops the HTTP server (the database belongs to the caller). */
  @Override
  public void close() {
    javalin.stop();
  }
}
