package io.headhuntr.harvest.v3;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A scripted Greenhouse for resource tests: {@code /token} always grants an hour-long token;
 * Harvest calls are recorded and answered from a queue ({@code []} when it runs dry).
 */
final class ScriptedHarvest extends Dispatcher {
  final List<RecordedRequest> harvestCalls = new CopyOnWriteArrayList<>();
  private final Queue<MockResponse> answers = new ConcurrentLinkedQueue<>();

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse noContent() {
    return new MockResponse.Builder().code(204).build();
  }

  void answer(MockResponse response) {
    answers.add(response);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getTarget().startsWith("/token")) {
      return json(
          200,
          "{\"token_type\":\"Bearer\",\"access_token\":\"test-access-token\","
              + "\"expires_at\":\"2099-01-01T00:00:00Z\"}");
    }
    harvestCalls.add(request);
    MockResponse next = answers.poll();
    return next != null ? next : json(200, "[]");
  }

  /** A client for {@code server}, which must dispatch to this script. */
  static HarvestV3Client client(MockWebServer server) {
    URI origin = server.url("/").uri();
    URI base = URI.create(origin.getScheme() + "://" + origin.getAuthority());
    return HarvestV3Client.builder()
        .tokenSource(
            TokenSource.clientCredentials(
                "resources-test", ClientSecret.of("resources-test-secret-0123456789")))
        .harvestUrl(base)
        .authUrl(base)
        .connectTimeout(Duration.ofSeconds(15))
        .requestTimeout(Duration.ofSeconds(15))
        .maxAttempts(1)
        .build();
  }
}
