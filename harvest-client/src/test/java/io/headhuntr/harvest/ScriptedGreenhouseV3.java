package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.RetryPolicy;
import io.headhuntr.harvest.internal.V3Transport;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * One scripted server playing both Greenhouse hosts (auth and Harvest v3), as the sandbox does. The
 * token endpoint mints numbered tokens valid for an hour of fake time unless answers are queued;
 * Harvest answers come from a queue (an empty list when it runs dry) or from a function.
 */
final class ScriptedGreenhouseV3 extends Dispatcher {
  static final String CLIENT_ID = "custom-client-7";
  static final String SECRET = "cs_live_0123456789abcdefWXYZ";
  static final String EXPECTED_BASIC =
      "Basic Y3VzdG9tLWNsaWVudC03OmNzX2xpdmVfMDEyMzQ1Njc4OWFiY2RlZldYWVo=";

  /** One request as the server saw it, with the fake time it arrived. */
  record Seen(RecordedRequest request, Instant at) {
    String target() {
      return request.getTarget();
    }

    String header(String name) {
      return request.getHeaders().get(name);
    }

    String body() {
      return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    }

    /** The form body as a map (names and values are plain in these tests). */
    Map<String, String> form() {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : body().split("&")) {
        String[] kv = pair.split("=", 2);
        form.put(
            kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
      return form;
    }
  }

  final FakeTime time;
  final List<Seen> tokenCalls = new CopyOnWriteArrayList<>();
  final List<Seen> harvestCalls = new CopyOnWriteArrayList<>();
  final List<Seen> introspectCalls = new CopyOnWriteArrayList<>();
  private final Deque<MockResponse> tokenAnswers = new ArrayDeque<>();
  private final Deque<MockResponse> harvestAnswers = new ArrayDeque<>();
  private final AtomicInteger minted = new AtomicInteger();
  volatile Function<Seen, MockResponse> harvest;
  volatile MockResponse introspection = json(200, "{\"active\":false}");

  /** When set, the token endpoint holds its answers until the test counts it down. */
  volatile CountDownLatch tokenGate;

  ScriptedGreenhouseV3(FakeTime time) {
    this.time = time;
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  synchronized void enqueueToken(MockResponse answer) {
    tokenAnswers.add(answer);
  }

  synchronized void enqueue(MockResponse answer) {
    harvestAnswers.add(answer);
  }

  /** The access token the n-th minted answer (1-based) carries. */
  static String accessToken(int n) {
    return "eyJhbGciOi.access-token-number-" + n + ".sig" + n;
  }

  static String refreshToken(int n) {
    return "rt_opaque_refresh_token_" + n;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    Seen seen = new Seen(request, time.instant());
    String path = request.getUrl().encodedPath();
    if (path.equals("/token")) {
      tokenCalls.add(seen);
      CountDownLatch gate = tokenGate;
      if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the token gate");
      }
      return nextToken(seen);
    }
    if (path.equals("/introspect")) {
      introspectCalls.add(seen);
      return introspection;
    }
    harvestCalls.add(seen);
    Function<Seen, MockResponse> f = harvest;
    if (f != null) {
      return f.apply(seen);
    }
    synchronized (this) {
      MockResponse next = harvestAnswers.poll();
      return next != null ? next : json(200, "[]");
    }
  }

  private synchronized MockResponse nextToken(Seen seen) {
    MockResponse queued = tokenAnswers.poll();
    if (queued != null) {
      return queued;
    }
    int n = minted.incrementAndGet();
    boolean partner = !"client_credentials".equals(seen.form().get("grant_type"));
    return json(
        200,
        "{\"token_type\":\"Bearer\",\"access_token\":\""
            + accessToken(n)
            + "\",\"expires_at\":\""
            + time.instant().plus(Duration.ofHours(1))
            + "\""
            + (partner ? ",\"refresh_token\":\"" + refreshToken(n) + "\"" : "")
            + "}");
  }

  static HarvestV3Client.Builder builder(MockWebServer server, FakeTime time, TokenSource source) {
    return HarvestV3Client.builder()
        .tokenSource(source)
        .harvestUrl(server.url("/").uri())
        .authUrl(server.url("/").uri())
        .connectTimeout(Duration.ofSeconds(15))
        .requestTimeout(Duration.ofSeconds(15))
        .clock(time)
        .sleeper(time);
  }

  /** The transport a client built by {@link #builder} would use, for tests below the resources. */
  static V3Transport transport(MockWebServer server, FakeTime time, TokenSource source) {
    return new V3Transport(
        origin(server),
        origin(server),
        source,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(15))
            .version(HttpClient.Version.HTTP_1_1)
            .build(),
        Duration.ofSeconds(15),
        time,
        time,
        RetryPolicy.defaults(4),
        0);
  }

  static URI origin(MockWebServer server) {
    return URI.create("http://" + server.getHostName() + ":" + server.getPort());
  }

  static TokenSource clientCredentials() {
    return TokenSource.clientCredentials(CLIENT_ID, ClientSecret.of(SECRET));
  }
}
