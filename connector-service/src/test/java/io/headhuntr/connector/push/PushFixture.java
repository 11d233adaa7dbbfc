package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.api.ProblemMapper;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.tenant.TenantState;
import io.headhuntr.connector.tenant.Tenants;
import io.headhuntr.connector.users.TestTenant;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.ContactDetail;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.NewApplication;
import io.headhuntr.harvest.NewCandidate;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A push test bed: a sandbox Greenhouse, an active tenant in the shared test database whose
 * platform user "recruiter-1" is mapped (verified) to a non-admin Greenhouse user, the push routes
 * on a small Javalin on port 0, and a {@link PushWorker} that tests drive with {@code runOnce()}.
 * The worker reaches the sandbox over the tenant's {@link Api} (v1 key, or v3 client credentials
 * writing with {@code sub} = the acting user); {@link #harvest} reads Greenhouse's side over v1
 * either way (one account behind both).
 */
final class PushFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACTING_USER = "recruiter-1";

  /** Harvest's per-call log lines (JUL, INFO) would flood the output of the 500-push test. */
  private static final java.util.logging.Logger HARVEST_LOG = quiet();

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.headhuntr.harvest");
    log.setLevel(java.util.logging.Level.WARNING);
    return log;
  }

  final Api api;
  final GreenhouseSandbox sandbox;
  final String apiKey = "push-test-key-" + UUID.randomUUID();
  final Database database = TestDatabase.shared();
  final UUID tenant;
  final HarvestClient harvest;
  final long actingGreenhouseId;
  final List<Job> openJobs;
  final PushConfig config;
  final PushWorker worker;

  /** What the activation checks report for any tenant (a draft tenant's 409 lists it). */
  final List<String> setupProblems = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final Javalin http;
  private final HttpClient client = HttpClient.newHttpClient();

  static PushFixture start() {
    return start(Api.V1);
  }

  static PushFixture start(Api api) {
    return start(api, b -> b, fastConfig());
  }

  /**
   * Retries and polls in milliseconds; an unanswered create is looked up for 1 s (the sandbox
   * creates at once unless a test asks for asynchronous creation).
   */
  static PushConfig fastConfig() {
    return PushConfig.defaults()
        .withTimes(
            Duration.ofMillis(20),
            Duration.ofMillis(50),
            Duration.ofSeconds(30),
            Duration.ofMillis(20))
        .withConfirmWindow(Duration.ofSeconds(1));
  }

  static PushFixture start(
      UnaryOperator<GreenhouseSandbox.Builder> sandboxSetup, PushConfig config) {
    return start(Api.V1, sandboxSetup, config);
  }

  static PushFixture start(
      Api api, UnaryOperator<GreenhouseSandbox.Builder> sandboxSetup, PushConfig config) {
    return new PushFixture(api, sandboxSetup, config, Duration.ofSeconds(5), false);
  }

  final RecordingProxy proxy;

  /** The tenant's Greenhouse as the worker reaches it. */
  final Greenhouse greenhouse;

  PushFixture(
      UnaryOperator<GreenhouseSandbox.Builder> sandboxSetup,
      PushConfig config,
      Duration requestTimeout,
      boolean recording) {
    this(Api.V1, sandboxSetup, config, requestTimeout, recording);
  }

  /**
   * {@code requestTimeout}: how long the worker's Harvest calls wait for an answer; {@code
   * recording}: the worker's Harvest calls go through a {@link RecordingProxy}.
   */
  PushFixture(
      Api api,
      UnaryOperator<GreenhouseSandbox.Builder> sandboxSetup,
      PushConfig config,
      Duration requestTimeout,
      boolean recording) {
    this.api = api;
    this.sandbox =
        sandboxSetup
            .apply(
                GreenhouseSandbox.builder()
                    .apiKey(apiKey)
                    .seed(SandboxSeed.DEMO)
                    .candidates(20)
                    .rateLimit(0)
                    .v3RateLimit(0)
                    .timeScale(1000))
            .start();
    this.config = config;
    this.harvest =
        HarvestClient.builder()
            .apiKey(HarvestApiKey.of(apiKey))
            .baseUrl(sandbox.baseUrl())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    this.tenant = TestTenant.create(database.jdbi());
    new Tenants(database.jdbi()).setState(tenant, TenantState.ACTIVE);
    List<User> users = harvest.users().list(UserFilter.all()).toList();
    this.actingGreenhouseId =
        users.stream().filter(u -> !u.siteAdmin() && !u.disabled()).findFirst().orElseThrow().id();
    mapUser(ACTING_USER, actingGreenhouseId, "verified");
    this.openJobs = harvest.jobs().list(JobFilter.all().withStatus("open")).toList();
    try {
      this.proxy = recording ? new RecordingProxy(sandbox.baseUrl()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.greenhouse =
        api.greenhouse(
            sandbox, apiKey, recording ? proxy.baseUrl() : sandbox.baseUrl(), requestTimeout);
    GreenhouseConnections tenantHarvest =
        id -> id.equals(tenant) ? Optional.of(greenhouse) : Optional.empty();
    this.worker =
        new PushWorker(
            database,
            tenantHarvest,
            config,
            Clock.systemUTC(),
            Optional.of(java.util.Set.of(tenant)));
    PushApi pushApi = new PushApi(database, config, t -> List.copyOf(setupProblems));
    this.http =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.http.maxRequestSize = 11L * 1024 * 1024;
                  String base = "/api/v1/tenants/{tenant_id}";
                  cfg.routes.post(base + "/pushes", pushApi::create);
                  cfg.routes.post(base + "/pushes/batch", pushApi::batch);
                  cfg.routes.get(base + "/pushes/batches/{batch_id}", pushApi::batchStatus);
                  cfg.routes.post(base + "/pushes/resume", pushApi::resume);
                  cfg.routes.get(base + "/pushes/{push_id}", pushApi::get);
                  cfg.routes.get(base + "/pushes", pushApi::list);
                  cfg.routes.get(base + "/push-settings", pushApi::settings);
                  cfg.routes.put(base + "/push-settings", pushApi::putSettings);
                  cfg.routes.exception(ProblemException.class, ProblemMapper::write);
                  cfg.routes.exception(Exception.class, ProblemMapper::unexpected);
                })
            .start(0);
  }

  void mapUser(String platformUser, long greenhouseId, String status) {
    database
        .jdbi()
        .useHandle(
            h -> {
              h.createUpdate(
                      "insert into platform_users (tenant_id, user_id, email, email_key, name)"
                          + " values (:t, :u, :e, :e, :u)")
                  .bind("t", tenant)
                  .bind("u", platformUser)
                  .bind("e", platformUser + "@headhuntr.test")
                  .execute();
              h.createUpdate(
                      "insert into user_mappings (tenant_id, platform_user_id, greenhouse_user_id,"
                          + " status) values (:t, :u, :g, :s)")
                  .bind("t", tenant)
                  .bind("u", platformUser)
                  .bind("g", greenhouseId)
                  .bind("s", status)
                  .execute();
            });
  }

  /** The tenant's push routes prefix. */
  String pushes() {
    return "/api/v1/tenants/" + tenant + "/pushes";
  }

  record Answer(int status, JsonNode json, Map<String, List<String>> headers) {}

  Answer post(String path, Map<String, String> headers, Object body) {
    return send("POST", path, headers, body);
  }

  Answer get(String path) {
    return send("GET", path, Map.of(), null);
  }

  Answer send(String method, String path, Map<String, String> headers, Object body) {
    try {
      String text =
          body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
              .timeout(Duration.ofSeconds(30))
              .method(method, HttpRequest.BodyPublishers.ofString(text))
              .header("Content-Type", "application/json");
      headers.forEach(request::header);
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Submits a push with {@code key}; expects 202 and returns the push id. */
  String push(String key, Object body) {
    Answer a = post(pushes(), Map.of("Idempotency-Key", key), body);
    if (a.status() != 202) {
      throw new AssertionError("push refused: " + a.status() + " " + a.json());
    }
    return a.json().get("id").asText();
  }

  JsonNode pushView(String id) {
    return get(pushes() + "/" + id).json();
  }

  /** Runs the worker until no push is due; returns how many runs it made. */
  int drain() {
    int total = 0;
    for (int n; (n = worker.runOnce()) > 0; ) {
      total += n;
    }
    return total;
  }

  /** A candidate made directly in Greenhouse (not by a push), with one email, on {@code jobId}. */
  Candidate createInGreenhouse(String first, String last, String email, long jobId) {
    return harvest
        .onBehalfOf(GreenhouseUserId.of(actingGreenhouseId))
        .candidates()
        .create(
            new NewCandidate(
                first,
                last,
                null,
                null,
                null,
                null,
                null,
                List.of(ContactDetail.of(email, "personal")),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(NewApplication.forJob(jobId))));
  }

  /** A minimal push body for a candidate on {@code jobId}. */
  static ObjectNode candidateBody(String first, String last, String email, long jobId) {
    ObjectNode body = JSON.createObjectNode().put("acting_user_id", ACTING_USER);
    ObjectNode person = body.putObject("person").put("first_name", first).put("last_name", last);
    person.putArray("email_addresses").addObject().put("value", email).put("type", "personal");
    body.putObject("target").put("type", "candidate").put("job_id", jobId);
    return body;
  }

  /** POST /sandbox/faults. */
  void faults(String rulesJson) {
    sandboxAdmin("POST", "/sandbox/faults", rulesJson);
  }

  /** A sandbox admin call; fails unless it answers 2xx. */
  void sandboxAdmin(String method, String path, String json) {
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      json == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("sandbox refused " + path + ": " + r.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    worker.close();
    http.stop();
    if (proxy != null) {
      proxy.close();
    }
    sandbox.close();
  }
}
