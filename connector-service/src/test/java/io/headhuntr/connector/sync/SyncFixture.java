package io.headhuntr.connector.sync;

import io.headhuntr.connector.Api;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A sandbox of {@code candidates} people (rate limit off unless asked), a fresh tenant whose
 * Greenhouse is the sandbox over Harvest v1 (its key) or v3 (its demo custom client), and sync
 * services over the shared test database. {@link #client} reads Greenhouse's side over v1 whichever
 * version the sync speaks (the sandbox serves both over one account).
 *
 * <p>A v3 account is a fifth of the size asked for: v3 candidate pages hold {@value #V3_PER_PAGE}
 * people where v1's hold {@value #V1_PER_PAGE}, so it is read in the same number of pages (what the
 * tests count and crash between) at a fifth of the cost; the v1 run covers scale.
 */
final class SyncFixture implements AutoCloseable {
  static final String KEY = "sync-test-key";
  static final int V1_PER_PAGE = 500;
  static final int V3_PER_PAGE = 100;

  final Api api;
  final GreenhouseSandbox sandbox;
  final Database database = TestDatabase.shared();
  final MirrorStore mirror = new MirrorStore();
  final UUID tenant = UUID.randomUUID();
  final HarvestClient client;

  /** The people in the account: {@code candidates} over v1, a fifth of them over v3. */
  final int people;

  /** Candidates per page of the sync's listing. */
  final int perPage;

  private final Greenhouse greenhouse;
  private final HttpClient http = HttpClient.newHttpClient();

  SyncFixture(int candidates) {
    this(Api.V1, candidates, 0);
  }

  SyncFixture(int candidates, int rateLimit) {
    this(Api.V1, candidates, rateLimit);
  }

  SyncFixture(Api api, int candidates) {
    this(api, candidates, 0);
  }

  /**
   * {@code rateLimit} calls per window for the sync's credential: the v1 key's 10 s, or the v3
   * client's 30 s (the test's own v1 reads are then never limited); 0 = no limit.
   */
  SyncFixture(Api api, int candidates, int rateLimit) {
    this.api = api;
    this.people = api == Api.V1 ? candidates : candidates / (V1_PER_PAGE / V3_PER_PAGE);
    this.perPage = api == Api.V1 ? V1_PER_PAGE : V3_PER_PAGE;
    this.sandbox =
        GreenhouseSandbox.builder()
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(people)
            .rateLimit(api == Api.V1 ? rateLimit : 0)
            .v3RateLimit(api == Api.V3 ? rateLimit : 0)
            .start();
    this.client = clientFor(KEY);
    this.greenhouse = api.greenhouse(sandbox, KEY);
  }

  /** Harvest calls the sync's credential made so far (the v1 key, or the v3 client). */
  long syncRequests() {
    return api.requestCount(sandbox, KEY);
  }

  /**
   * Calls the reference lists cost, each read whole: v1 6; v3 7 (prospect pools and their stages
   * are two lists).
   */
  int referenceCalls() {
    return api == Api.V1 ? 6 : 7;
  }

  /** Pages of the candidate listing of the account as it stands. */
  int candidatePages() {
    return (people + perPage - 1) / perPage;
  }

  /**
   * The calls listing every candidate costs from page {@code from} on (1: the whole listing), as
   * the account stands now. v1: one per page (applications ride along). v3 (newest id first, 100
   * per page): per page one for the candidates, then {@code HarvestV3Adapter}'s application join,
   * 50 ids a call: the applications of the page's people, the stage rows of those on a job and not
   * hired, and the names of those applications' current stages. Read over v1 (the test's own key).
   */
  long listingCalls(int from) {
    if (api == Api.V1) {
      return Math.max(0, candidatePages() - from + 1);
    }
    List<Candidate> newestFirst;
    try (Stream<Candidate> all = client.candidates().list(CandidateFilter.all())) {
      newestFirst = all.sorted(Comparator.comparingLong(Candidate::id).reversed()).toList();
    }
    long calls = 0;
    for (int start = (from - 1) * perPage; start < newestFirst.size(); start += perPage) {
      List<Candidate> page =
          newestFirst.subList(start, Math.min(newestFirst.size(), start + perPage));
      List<Application> staged =
          page.stream()
              .flatMap(c -> c.applications().stream())
              .filter(a -> !a.prospect() && !"hired".equals(a.status()))
              .toList();
      long stages =
          staged.stream()
              .filter(a -> a.currentStage() != null)
              .map(a -> a.currentStage().id())
              .distinct()
              .count();
      calls += 1 + batches(page.size()) + batches(staged.size()) + batches(stages);
    }
    return calls;
  }

  /**
   * The calls reading one candidate by id costs: v1 one; v3 one for the candidate ({@code ?ids=})
   * and its application join.
   */
  long lookUpCalls(long candidateId) {
    if (api == Api.V1) {
      return 1;
    }
    List<Application> staged =
        client.candidates().get(candidateId).applications().stream()
            .filter(a -> !a.prospect() && !"hired".equals(a.status()))
            .toList();
    return 2 + batches(staged.size()) + (staged.isEmpty() ? 0 : 1);
  }

  private static long batches(long ids) {
    return (ids + 49) / 50;
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
        id -> Optional.of(greenhouse),
        config,
        Clock.systemUTC(),
        observer);
  }

  SyncService service() {
    return service(fastConfig(), SyncObserver.NONE);
  }

  static SyncConfig fastConfig() {
    return SyncConfig.defaults().withRetries(6, Duration.ofMillis(10));
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
