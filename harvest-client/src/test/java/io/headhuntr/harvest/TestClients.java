package io.headhuntr.harvest;

import java.time.Duration;
import mockwebserver3.MockWebServer;

/** Builds clients that talk to a scripted server and wait on a fake clock. */
final class TestClients {
  /** The key from the Harvest docs' own example; its Basic header is documented. */
  static final String DOCS_KEY = "a7183e1b7e9ab09b8a5cfa87d1934c3c";

  static final String DOCS_AUTHORIZATION = "Basic YTcxODNlMWI3ZTlhYjA5YjhhNWNmYTg3ZDE5MzRjM2M6";

  static final GreenhouseUserId ACTING_USER = GreenhouseUserId.of(4280249007L);

  private TestClients() {}

  static HarvestClient.Builder builder(MockWebServer server, FakeTime time) {
    return HarvestClient.builder()
        .apiKey(HarvestApiKey.of(DOCS_KEY))
        .baseUrl(server.url("/").uri())
        // Generous: the build machine may be loaded; tests of timeouts set their own short ones.
        .connectTimeout(Duration.ofSeconds(15))
        .requestTimeout(Duration.ofSeconds(15))
        .clock(time)
        .sleeper(time);
  }

  static HarvestClient client(MockWebServer server, FakeTime time) {
    return builder(server, time).build();
  }
}
