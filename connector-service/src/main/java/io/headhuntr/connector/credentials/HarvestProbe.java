package io.headhuntr.connector.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Single raw Harvest v1 calls for verification and permission probes, where the exact status code
 * is the answer (a typed client would turn it into an exception). A 429 waits for {@code
 * Retry-After} (at most 10 s) and is retried twice; nothing else is retried.
 */
final class HarvestProbe {
  private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);
  private final HttpClient http;
  private final Duration requestTimeout;

  HarvestProbe(Duration connectTimeout, Duration requestTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.requestTimeout = requestTimeout;
  }

  /**
   * Sends {@code method pathAndQuery} to {@code baseUrl} with Basic auth.
   *
   * @throws IOException when Greenhouse cannot be reached or does not answer in time
   */
  HarvestAnswer send(
      URI baseUrl,
      ApiKey key,
      String method,
      String pathAndQuery,
      Optional<Long> onBehalfOf,
      Optional<String> jsonBody)
      throws IOException {
    String basic =
        Base64.getEncoder().encodeToString((key.value() + ":").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl.toString() + pathAndQuery))
            .timeout(requestTimeout)
            .header("Authorization", "Basic " + basic)
            .header("Accept", "application/json")
            .method(
                method,
                jsonBody
                    .map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8))
                    .orElse(HttpRequest.BodyPublishers.noBody()));
    jsonBody.ifPresent(b -> request.header("Content-Type", "application/json"));
    onBehalfOf.ifPresent(id -> request.header("On-Behalf-Of", Long.toString(id)));
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (IllegalArgumentException e) {
        throw new IOException("not a usable URL", e);
      }
      if (response.statusCode() != 429 || attempt == 3) {
        return new HarvestAnswer(response.statusCode(), response.body());
      }
      waitFor(retryAfter(response));
    }
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    try {
      long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
      Duration wait = Duration.ofSeconds(Math.max(0, seconds));
      return wait.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : wait;
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  private static void waitFor(Duration wait) throws IOException {
    try {
      Thread.sleep(wait.toMillis()); // honouring Greenhouse's Retry-After, not a test wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the rate limit", e);
    }
  }
}
