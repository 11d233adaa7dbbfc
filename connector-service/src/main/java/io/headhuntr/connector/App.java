package io.headhuntr.connector;

import com.google.crypto.tink.Aead;
import io.headhuntr.connector.api.BearerAuth;
import io.headhuntr.connector.api.ConsoleLinkRoutes;
import io.headhuntr.connector.api.CredentialRoutes;
import io.headhuntr.connector.api.IntakeRoutes;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.MirrorRoutes;
import io.headhuntr.connector.api.OpenApiDocument;
import io.headhuntr.connector.api.PartnerRoutes;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.api.ProblemMapper;
import io.headhuntr.connector.api.PushRoutes;
import io.headhuntr.connector.api.RequestMetrics;
import io.headhuntr.connector.api.Route;
import io.headhuntr.connector.api.SetupRoutes;
import io.headhuntr.connector.api.StorableText;
import io.headhuntr.connector.api.SyncRoutes;
import io.headhuntr.connector.api.SystemRoutes;
import io.headhuntr.connector.api.TenantHealthRoutes;
import io.headhuntr.connector.api.TenantRoutes;
import io.headhuntr.connector.api.TokenRoutes;
import io.headhuntr.connector.console.ConsoleRoutes;
import io.headhuntr.connector.console.ConsoleServices;
import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.credentials.PartnerClient;
import io.headhuntr.connector.events.EventsApi;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.headhuntr.connector.greenhouse.HarvestConnections;
import io.headhuntr.connector.greenhouse.PartnerConsent;
import io.headhuntr.connector.mirror.MirrorReadApi;
import io.headhuntr.connector.push.PushApi;
import io.headhuntr.connector.push.PushBoard;
import io.headhuntr.connector.push.PushConfig;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.sync.SyncApi;
import io.headhuntr.connector.tenant.Activation;
import io.headhuntr.connector.tenant.AdminToken;
import io.headhuntr.connector.tenant.ApiTokens;
import io.headhuntr.connector.tenant.ConsoleSessions;
import io.headhuntr.connector.tenant.Tenants;
import io.headhuntr.connector.users.UserMappingApi;
import io.headhuntr.connector.webhooks.WebhookKitApi;
import io.headhuntr.connector.webhooks.WebhookKitConfig;
import io.headhuntr.connector.webhooks.inbox.DeliveryHistory;
import io.headhuntr.connector.webhooks.inbox.InboxApi;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root of the service and THE route table: every HTTP route is declared in {@link
 * #routes}, from which Javalin is configured and {@code /openapi.json} is written.
 */
public final class App implements AutoCloseable {
  private final Javalin javalin;
  private final List<Route> routes;
  private final GreenhouseConnections greenhouse;
  private final Workers workers;

  private App(
      Javalin javalin, List<Route> routes, GreenhouseConnections greenhouse, Workers workers) {
    this.javalin = javalin;
    this.routes = routes;
    this.greenhouse = greenhouse;
    this.workers = workers;
  }

  /** Wires every capability over {@code database} and starts listening on the configured port. */
  public static App start(
      ConnectorConfig config, Database database, Aead masterKey, AdminToken admin, Clock clock) {
    return start(
        config, database, masterKey, admin, clock, PartnerClient.fromEnvironment(System.getenv()));
  }

  /** As above, with the operator's Greenhouse partner client ("Connect Greenhouse") if any. */
  public static App start(
      ConnectorConfig config,
      Database database,
      Aead masterKey,
      AdminToken admin,
      Clock clock,
      Optional<PartnerClient> partnerClient) {
    Tenants tenants = new Tenants(database.jdbi());
    ApiTokens tokens = new ApiTokens(database.jdbi());
    Credentials credentials =
        new Credentials(
            database.jdbi(),
            masterKey,
            Json.mapper(),
            clock,
            config.security().permissionCacheAge(),
            partnerClient,
            config.security().greenhouseHosts());
    GreenhouseConnections greenhouse = new HarvestConnections(credentials);
    PushConfig threaded =
        PushConfig.defaults()
            .withConfirmWindow(config.workers().pushConfirmWindow())
            .forThreads(config.workers().pushThreads());
    PushConfig pushConfig =
        config.workers().takeoverAfter().map(threaded::withStaleClaim).orElse(threaded);
    Workers workers =
        new Workers(config.workers(), database, greenhouse, credentials, pushConfig, clock);
    WebhookKitApi webhooks =
        new WebhookKitApi(
            database.jdbi(),
            WebhookKitConfig.of(config.publicBaseUrl())
                .withClock(clock)
                .withSecretCipher(masterKey),
            workers.deliveries(),
            greenhouse);
    UserMappingApi users = new UserMappingApi(database.jdbi(), greenhouse, clock);
    Activation activation =
        new Activation(
            tenants,
            List.of(
                credentials::activationProblems, tenantId -> mappedUserProblems(users, tenantId)),
            webhooks::warnings,
            List.of(workers.tenantListener()));

    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    database.bindMetrics(metrics);

    List<Route> table = new ArrayList<>();
    // the document describes the whole table, this route included: filled in once the table is done
    AtomicReference<Map<String, Object>> openApi = new AtomicReference<>(Map.of());
    table.addAll(
        new SystemRoutes(
                database::isReachable, metrics, openApi::get, config.security().metricsToken())
            .routes());
    table.addAll(new TenantRoutes(tenants, activation, webhooks::initTenant).routes());
    table.addAll(new TokenRoutes(tokens).routes());
    table.addAll(new CredentialRoutes(credentials).routes());
    table.addAll(
        new PartnerRoutes(
                new PartnerConsent(
                    credentials,
                    tenantId -> {
                      try {
                        workers.greenhouseReconnected(tenantId);
                      } finally {
                        // a partner connection registers its webhooks (best effort)
                        webhooks.connected(tenantId);
                      }
                    }))
            .routes());
    table.addAll(new SetupRoutes(users, webhooks).routes());
    table.addAll(
        new IntakeRoutes(new EventsApi(database.jdbi()), new InboxApi(workers.inbox(), clock))
            .routes());
    table.addAll(new MirrorRoutes(new MirrorReadApi(database.jdbi(), workers.mirror())).routes());
    table.addAll(
        new PushRoutes(
                new PushApi(
                    database,
                    pushConfig,
                    // a push to a draft tenant is answered from stored state: no Greenhouse call
                    tenantId -> {
                      List<String> known =
                          new java.util.ArrayList<>(credentials.knownActivationProblems(tenantId));
                      known.addAll(mappedUserProblems(users, tenantId));
                      return known;
                    }))
            .routes());
    table.addAll(
        new SyncRoutes(
                new SyncApi(
                    workers.sync(),
                    workers.scheduler()::runNow,
                    workers.scheduler()::onSettingsChanged))
            .routes());
    // the console (issue 13): its pages call the objects above, as the API's handlers do
    DeliveryHistory deliveryHistory = new DeliveryHistory(database.jdbi(), clock);
    PushBoard pushBoard = new PushBoard(database);
    ConsoleSessions consoleSessions = new ConsoleSessions(database.jdbi(), clock);
    table.addAll(new TenantHealthRoutes(deliveryHistory, pushBoard).routes());
    table.addAll(new ConsoleLinkRoutes(consoleSessions, config.publicBaseUrl()).routes());
    table.addAll(
        new ConsoleRoutes(
                new ConsoleServices(
                    tenants,
                    tokens,
                    admin,
                    consoleSessions,
                    credentials,
                    // "Connect Greenhouse" from the console only starts the round trip; the
                    // callback route above finishes it
                    new PartnerConsent(credentials),
                    webhooks.kit(),
                    users.directory(),
                    greenhouse,
                    activation,
                    workers.sync()::status,
                    deliveryHistory,
                    pushBoard,
                    config.publicBaseUrl()))
            .routes());
    List<Route> routes = List.copyOf(table);
    openApi.set(OpenApiDocument.of(routes, version()));

    BearerAuth auth = new BearerAuth(admin, tokens, tenants);
    RequestMetrics requestMetrics = new RequestMetrics(metrics);
    Javalin javalin =
        Javalin.create(
            cfg -> {
              cfg.http.maxRequestSize = config.http().maxRequestBytes();
              cfg.jetty.modifyHttpConfiguration(
                  http -> {
                    // a body trickling in below 1 KB/s, or idle for 15 s, is dropped: a flood of
                    // slow requests cannot hold the request threads
                    http.setMinRequestDataRate(1024);
                    http.setIdleTimeout(15_000);
                  });
              // uploads (the user export) are held in memory up to the upload limit, never
              // spilled to disk, and refused above it
              cfg.jetty.multipartConfig.maxFileSize(
                  UserMappingApi.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxInMemoryFileSize(
                  (int) UserMappingApi.MAX_UPLOAD_BYTES + 1, io.javalin.config.SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxTotalRequestSize(
                  UserMappingApi.MAX_UPLOAD_BYTES + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
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
              cfg.routes.before(requestMetrics::start);
              cfg.routes.before("/api/*", StorableText::check);
              cfg.routes.after(requestMetrics::finish);
            });
    try {
      javalin.start(config.http().port());
      workers.start();
    } catch (RuntimeException e) {
      javalin.stop();
      workers.close();
      throw e;
    }
    return new App(javalin, routes, greenhouse, workers);
  }

  private static List<String> mappedUserProblems(UserMappingApi users, java.util.UUID tenantId) {
    return users.verifiedMappedUsers(tenantId) >= 1
        ? List.of()
        : List.of(
            "no platform user is mapped to a verified Greenhouse user id"
                + " (import the user export, then PUT .../user-mappings)");
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

  /** The tenants' Greenhouse connections (for the demo and later capabilities). */
  public GreenhouseConnections greenhouse() {
    return greenhouse;
  }

  Javalin javalin() {
    return javalin;
  }

  /**
   * Stops the HTTP server, then the background workers (they finish what they hold); the database
   * belongs to the caller and is closed after.
   */
  @Override
  public void close() {
    try {
      javalin.stop();
    } finally {
      workers.close();
    }
  }
}
