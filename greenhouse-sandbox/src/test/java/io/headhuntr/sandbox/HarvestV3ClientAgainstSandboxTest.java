package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.Sleeper;
import io.headhuntr.harvest.v3.Application;
import io.headhuntr.harvest.v3.ApplicationPartQuery;
import io.headhuntr.harvest.v3.ApplicationStage;
import io.headhuntr.harvest.v3.Candidate;
import io.headhuntr.harvest.v3.CandidateQuery;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.CommonQuery;
import io.headhuntr.harvest.v3.ContactDetail;
import io.headhuntr.harvest.v3.CreatedCandidate;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.Job;
import io.headhuntr.harvest.v3.NewCandidate;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.harvest.v3.User;
import io.headhuntr.harvest.v3.UserQuery;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import io.headhuntr.sandbox.oauth.ClientKind;
import io.headhuntr.sandbox.oauth.Scopes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The v3 client against the sandbox's auth server and /v3 face: cursor paging under the 30 s rate
 * limit, token caching and renewal, and the refusals a customer's setup can cause. Client and
 * sandbox share one clock that moves only when the client waits, so a minute of pacing takes no
 * real time and the sandbox still counts every request in its rolling window.
 */
class HarvestV3ClientAgainstSandboxTest {

  /** One clock for both sides; the client's waits move it. */
  private static final class SharedTime extends Clock implements Sleeper {
    private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    @Override
    public synchronized void sleep(Duration d) {
      now = now.plus(d);
    }

    synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static HarvestV3Client client(GreenhouseSandbox sandbox, ClientCredentials custom) {
    return HarvestV3Client.builder()
        .tokenSource(
            TokenSource.clientCredentials(
                custom.clientId(), ClientSecret.of(custom.secret().value())))
        .harvestUrl(sandbox.baseUrl())
        .authUrl(sandbox.baseUrl())
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }

  @Test
  void pages_2500_people_by_cursor_without_a_single_429_at_150_per_30_seconds() {
    SharedTime time = new SharedTime();
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder().candidates(2_500).v3RateLimit(150).clock(time).start()) {
      ClientCredentials custom = sandbox.demoCustomClient();
      HarvestV3Client harvest =
          HarvestV3Client.builder()
              .tokenSource(
                  TokenSource.clientCredentials(
                      custom.clientId(), ClientSecret.of(custom.secret().value())))
              .harvestUrl(sandbox.baseUrl())
              .authUrl(sandbox.baseUrl())
              .clock(time)
              .sleeper(time)
              .build();
      Instant start = time.instant();

      Set<Long> seen = new HashSet<>();
      long listed =
          harvest
              .candidates()
              .list(CandidateQuery.all().perPage(10))
              .peek(c -> seen.add(c.id()))
              .count();

      assertThat(listed).isEqualTo(2_500);
      assertThat(seen).as("no person twice").hasSize(2_500);
      assertThat(sandbox.requestCount(custom.clientId()))
          .as("250 pages: more than one 30 s window allows")
          .isEqualTo(250);
      assertThat(sandbox.rateLimitedCount(custom.clientId())).isZero();
      Duration spent = Duration.between(start, time.instant());
      assertThat(spent)
          .as("250 calls at 150 per 30 s need one wait of a window, and not much more")
          .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(64));
    }
  }

  @Test
  void sixteen_threads_starting_at_once_share_one_token() throws Exception {
    try (GreenhouseSandbox sandbox = GreenhouseSandbox.builder().candidates(50).start()) {
      ClientCredentials custom = sandbox.demoCustomClient();
      HarvestV3Client harvest = client(sandbox, custom);
      CountDownLatch go = new CountDownLatch(1);

      List<CompletableFuture<Long>> reads =
          IntStream.range(0, 16)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(go);
                            return harvest.jobs().list(CommonQuery.all().perPage(5)).count();
                          }))
              .toList();
      go.countDown();

      assertThat(reads).allSatisfy(r -> assertThat(r.join()).isPositive());
      assertThat(sandbox.tokenRequestCount(custom.clientId())).isEqualTo(1);
    }
  }

  @Test
  void an_expired_token_is_replaced_before_use_and_a_revoked_one_after_one_401() {
    SharedTime time = new SharedTime();
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder().candidates(20).clock(time).start()) {
      ClientCredentials custom = sandbox.demoCustomClient();
      HarvestV3Client harvest =
          HarvestV3Client.builder()
              .tokenSource(
                  TokenSource.clientCredentials(
                      custom.clientId(), ClientSecret.of(custom.secret().value())))
              .harvestUrl(sandbox.baseUrl())
              .authUrl(sandbox.baseUrl())
              .clock(time)
              .sleeper(time)
              .build();
      assertThat(harvest.jobs().list(CommonQuery.all()).count()).isPositive();
      assertThat(sandbox.tokenRequestCount(custom.clientId())).isEqualTo(1);

      time.advance(Duration.ofMinutes(61));
      assertThat(harvest.jobs().list(CommonQuery.all()).count()).isPositive();
      assertThat(sandbox.tokenRequestCount(custom.clientId()))
          .as("a token past expires_at is renewed before it is sent")
          .isEqualTo(2);

      post(sandbox, "/sandbox/oauth/clients/" + custom.clientId() + "/revoke");
      long before = sandbox.requestCount(custom.clientId());
      assertThat(harvest.jobs().list(CommonQuery.all()).count()).isPositive();
      assertThat(sandbox.tokenRequestCount(custom.clientId())).isEqualTo(3);
      assertThat(sandbox.requestCount(custom.clientId()) - before)
          .as("one 401, then the same read with the fresh token")
          .isEqualTo(2);
    }
  }

  @Test
  void writes_as_a_recruiter_carry_the_recruiters_sub_and_read_back_through_v3() {
    try (GreenhouseSandbox sandbox = GreenhouseSandbox.builder().candidates(20).start()) {
      HarvestV3Client harvest = client(sandbox, sandbox.demoCustomClient());
      User recruiter =
          harvest
              .users()
              .list(UserQuery.all())
              .filter(u -> !u.siteAdmin() && !u.deactivated() && !u.serviceUser())
              .findFirst()
              .orElseThrow();
      Job job =
          harvest
              .jobs()
              .list(CommonQuery.all())
              .filter(j -> "open".equals(j.status()))
              .findFirst()
              .orElseThrow();

      HarvestV3Client.Acting asRecruiter = harvest.actingAs(GreenhouseUserId.of(recruiter.id()));
      assertThat(asRecruiter.introspect().subject()).contains(GreenhouseUserId.of(recruiter.id()));
      CreatedCandidate created =
          asRecruiter
              .candidates()
              .create(
                  NewCandidate.builder("Grace", "Hopper")
                      .emailAddresses(List.of(ContactDetail.of("grace@example.com", "personal")))
                      .application(NewCandidate.Application.forJob(job.id()))
                      .build());

      Application application = created.application().orElseThrow();
      assertThat(application.jobId()).isEqualTo(job.id());
      Candidate read = harvest.candidates().get(created.candidate().id()).orElseThrow();
      assertThat(read.hasEmail("GRACE@example.com")).isTrue();
      List<ApplicationStage> stages =
          harvest
              .applicationStages()
              .list(ApplicationPartQuery.all().applicationIds(List.of(application.id())))
              .toList();
      assertThat(stages).filteredOn(ApplicationStage::isCurrent).hasSize(1);
    }
  }

  @Test
  void a_missing_scope_is_named_in_the_error() {
    try (GreenhouseSandbox sandbox = GreenhouseSandbox.builder().candidates(20).start()) {
      sandbox.addOAuthClient(
          "reader",
          "reader-secret-0001",
          ClientKind.CUSTOM,
          Set.of(Scopes.CANDIDATES_LIST, Scopes.USERS_LIST, Scopes.JOBS_LIST),
          null);
      HarvestV3Client reader =
          client(sandbox, new ClientCredentials("reader", "reader-secret-0001"));
      long user =
          reader
              .users()
              .list(UserQuery.all())
              .filter(u -> !u.deactivated())
              .findFirst()
              .orElseThrow()
              .id();

      assertThatThrownBy(
              () ->
                  reader
                      .actingAs(GreenhouseUserId.of(user))
                      .candidates()
                      .create(NewCandidate.builder("Ada", "Lovelace").build()))
          .isInstanceOf(HarvestForbiddenException.class)
          .hasMessageContaining("harvest:candidates:create");
      assertThat(sandbox.rateLimitedCount("reader")).isZero();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void post(GreenhouseSandbox sandbox, String path) {
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(200, 299);
    } catch (Exception e) {
      throw new IllegalStateException(path, e);
    }
  }
}
