package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.api.ProblemMapper;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.headhuntr.connector.greenhouse.HarvestV3Adapter;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.connector.tenant.TenantState;
import io.headhuntr.connector.tenant.Tenants;
import io.headhuntr.connector.users.TestTenant;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.UserFilter;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.headhuntr.sandbox.oauth.ClientCredentials;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The push benchmarks' test bed for one Harvest version: a sandbox (demo seed) limited to {@code
 * v1Limit} requests per 10 s per key and {@code v3Limit} per rolling 30 s per client, an active
 * tenant in the shared test database whose platform user {@value #ACTING_USER} is mapped to a
 * non-admin Greenhouse user, the push routes on a Javalin on port 0 and a {@link PushWorker}. The
 * tenant's Greenhouse is built as {@code HarvestConnections} builds it: a {@link HarvestV1Adapter}
 * on the sandbox's key, or a {@link HarvestV3Adapter} on the demo custom client's credentials
 * (writes with {@code sub} = the acting user). The bed's own reads and seeding go through another
 * key ({@link #harvest}), so {@link #requests()} counts the tenant's calls only.
 */
final class PushBenchBed implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACTING_USER = "recruiter-1";

  final String api;
  final GreenhouseSandbox sandbox;
  final UUID tenant;
  final HarvestClient harvest;
  final long actingGreenhouseId;
  final List<Job> openJobs;
  final PushWorker worker;

  private final String apiKey = "bench-tenant-key";
  private final String credential;
  private final Javalin http;
  private final HttpClient client = HttpClient.newHttpClient();

  /** {@code api}: "v1" or "v3". */
  PushBenchBed(String api, int v1Limit, int v3Limit, PushConfig config) {
    this.api = api;
    this.sandbox =
        GreenhouseSandbox.builder()
            .apiKey(apiKey)
            .seed(SandboxSeed.DEMO)
            .candidates(20)
            .rateLimit(v1Limit)
            .v3RateLimit(v3Limit)
            .start(); // real time: tokens live as long as Greenhouse's
    String benchKey = "bench-own-key";
    sandbox.addApiKey(benchKey, Set.of("*"));
    this.harvest =
        HarvestClient.builder()
            .apiKey(HarvestApiKey.of(benchKey))
            .baseUrl(sandbox.baseUrl())
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    ClientCredentials custom = sandbox.demoCustomClient();
    this.credential = api.equals("v1") ? apiKey : custom.clientId();
    Greenhouse greenhouse =
        api.equals("v1")
            ? new HarvestV1Adapter(
                HarvestClient.builder()
                    .apiKey(HarvestApiKey.of(apiKey))
                    .baseUrl(sandbox.baseUrl())
                    .connectTimeout(Duration.ofSeconds(5))
                    .requestTimeout(Duration.ofSeconds(30))
                    .build())
            : new HarvestV3Adapter(
                HarvestV3Client.builder()
                    .tokenSource(
                        TokenSource.clientCredentials(
                            custom.clientId(), ClientSecret.of(custom.secret().value())))
                    .harvestUrl(sandbox.baseUrl())
                    .authUrl(sandbox.baseUrl())
                    .connectTimeout(Duration.ofSeconds(5))
                    .requestTimeout(Duration.ofSeconds(30))
                    .build());
    Database database = TestDatabase.shared();
    this.tenant = TestTenant.create(database.jdbi());
    new Tenants(database.jdbi()).setState(tenant, TenantState.ACTIVE);
    this.actingGreenhouseId =
        harvest
            .users()
            .list(UserFilter.all())
            .filter(u -> !u.siteAdmin() && !u.disabled())
            .findFirst()
            .orElseThrow()
            .id();
    mapActingUser(database);
    this.openJobs = harvest.jobs().list(JobFilter.all().withStatus("open")).toList();
    this.worker =
        new PushWorker(
            database,
            id -> id.equals(tenant) ? Optional.of(greenhouse) : Optional.empty(),
            config,
            Clock.systemUTC(),
            Optional.of(Set.of(tenant)));
    PushApi pushApi = new PushApi(database, config, t -> List.of());
    this.http =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.http.maxRequestSize = 11L * 1024 * 1024;
                  String base = "/api/v1/tenants/{tenant_id}";
                  cfg.routes.post(base + "/pushes", pushApi::create);
                  cfg.routes.post(base + "/pushes/batch", pushApi::batch);
                  cfg.routes.get(base + "/pushes/batches/{batch_id}", pushApi::batchStatus);
                  cfg.routes.get(base + "/pushes/{push_id}", pushApi::get);
                  cfg.routes.put(base + "/push-settings", pushApi::putSettings);
                  cfg.routes.exception(ProblemException.class, ProblemMapper::write);
                  cfg.routes.exception(Exception.class, ProblemMapper::unexpected);
                })
            .start(0);
  }

  private void mapActingUser(Database database) {
    database
        .jdbi()
        .useHandle(
            h -> {
              h.createUpdate(
                      "insert into platform_users (tenant_id, user_id, email, email_key, name)"
                          + " values (:t, :u, :e, :e, :u)")
                  .bind("t", tenant)
                  .bind("u", ACTING_USER)
                  .bind("e", ACTING_USER + "@headhuntr.test")
                  .execute();
              h.createUpdate(
                      "insert into user_mappings (tenant_id, platform_user_id, greenhouse_user_id,"
                          + " status) values (:t, :u, :g, 'verified')")
                  .bind("t", tenant)
                  .bind("u", ACTING_USER)
                  .bind("g", actingGreenhouseId)
                  .execute();
            });
  }

  /** Harvest requests the sandbox counted for the tenant's credential (not its token calls). */
  long requests() {
    return sandbox.requestCount(credential);
  }

  /** Requests the sandbox answered 429 for the tenant's credential. */
  long limited() {
    return sandbox.rateLimitedCount(credential);
  }

  /** Token requests of the tenant's v3 client (0 over v1). */
  long tokens() {
    return api.equals("v1") ? 0 : sandbox.tokenRequestCount(credential);
  }

  String pushes() {
    return "/api/v1/tenants/" + tenant + "/pushes";
  }

  /** Sets the tenant's duplicate policy ({@code link} or {@code always_create}). */
  void policy(String policy) {
    send(
        "PUT",
        pushes().replace("/pushes", "/push-settings"),
        null,
        "{\"duplicate_policy\":\"" + policy + "\"}");
  }

  /** Submits one push; answers its id. */
  String push(Object body) {
    JsonNode answer = send("POST", pushes(), UUID.randomUUID().toString(), body);
    return answer.get("id").asText();
  }

  /** Submits a batch ({@code {"items": [...]}}); answers its id. */
  String batch(Object body) {
    return send("POST", pushes() + "/batch", null, body).get("batch_id").asText();
  }

  JsonNode batchStatus(String id) {
    return send("GET", pushes() + "/batches/" + id, null, null);
  }

  JsonNode pushView(String id) {
    return send("GET", pushes() + "/" + id, null, null);
  }

  /** Runs the worker on this thread until nothing is due. */
  void drain() {
    while (worker.runOnce() > 0) {
      // keep going
    }
  }

  private JsonNode send(String method, String path, String idempotencyKey, Object body) {
    try {
      String text =
          body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
              .timeout(Duration.ofSeconds(60))
              .method(method, HttpRequest.BodyPublishers.ofString(text))
              .header("Content-Type", "application/json");
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + r.body());
      }
      return r.body().isEmpty() ? null : JSON.readTree(r.body());
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
    sandbox.close();
  }
}
