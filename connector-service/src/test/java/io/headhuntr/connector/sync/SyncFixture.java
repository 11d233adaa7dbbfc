package io.headhuntr.connector.sync;

import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A sandbox of {@code candidates} people (rate limit off unless asked), a fresh tenant whose
 * credential is the sandbox's key, and sync services over the shared test database.
 */
final class SyncFixture implements AutoCloseable {
  static final String KEY = "sync-test-key";

  final GreenhouseSandbox sandbox;
  final Database database = TestDatabase.shared();
  final MirrorStore mirror = new MirrorStore();
  final UUID tenant = UUID.randomUUID();
  final HarvestClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  SyncFixture(int candidates) {
    this(candidates, 0);
  }

  SyncFixture(int candidates, int rateLimit) {
    this.sandbox =
        GreenhouseSandbox.builder()
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(candidates)
            .rateLimit(rateLimit)
            .start();
    this.client = clientFor(KEY);
  }

  HarvestClient clientFor(String key) {
    return HarvestClient.builder()
        .apiKey(HarvestApiKey.of(key))
        .baseUrl(sandbox.baseUrl())
        .requestTimeout(Duration.ofSeconds(30))
        .build();
  }

  SyncService service(SyncConfig config, SyncObserver observer) {
    return new SyncService(
        database.jdbi(),
        mirror,
        id -> Optional.of(new HarvestV1Adapter(client)),
        config,
        Clock.systemUTC(),
        observer);
  }

  SyncService service() {
    return service(fastConfig(), SyncObserver.NONE);
  }

  static SyncConfig fastConfig() {
    return SyncConfig.defaults().withRetries(2, Duration.ofMillis(10));
  }

  long count(String table) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from "
                            + table
                            + " where tenant_id = :t and deleted_at is null")
                    .bind("t", tenant)
                    .mapTo(Long.class)
                    .one());
  }

  /** Calls a sandbox route (admin routes need no key; Harvest routes get Basic auth). */
  HttpResponse<String> call(String method, String path, String body, Long onBehalfOf)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)));
    if (onBehalfOf != null) {
      request.header("On-Behalf-Of", Long.toString(onBehalfOf));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
