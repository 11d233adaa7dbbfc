package io.headhuntr.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.headhuntr.connector.TestApp;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} is not for strangers: with {@code CONNECTOR_METRICS_TOKEN} it asks for that
 * bearer token; without it, it answers loopback clients only.
 */
class MetricsAccessTest {

  @Test
  void with_a_metrics_token_only_its_bearer_gets_the_metrics() {
    try (TestApp app = TestApp.startWithMetricsToken("metrics-secret-123")) {
      assertThat(app.get("/metrics", null).status()).isEqualTo(401);
      assertThat(app.get("/metrics", "wrong-token").status()).isEqualTo(401);
      TestApp.Answer ok = app.get("/metrics", "metrics-secret-123");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.body()).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void without_a_token_a_client_from_another_address_is_refused() throws Exception {
    Optional<InetAddress> own = nonLoopbackAddress();
    assumeTrue(own.isPresent(), "skipped: this machine has no non-loopback IPv4 address");
    try (TestApp app = TestApp.start()) {
      int port = app.baseUrl().getPort();
      HttpResponse<String> fromLoopback = get(URI.create("http://127.0.0.1:" + port + "/metrics"));
      HttpResponse<String> fromElsewhere =
          get(URI.create("http://" + own.get().getHostAddress() + ":" + port + "/metrics"));

      assertThat(fromLoopback.statusCode()).isEqualTo(200);
      assertThat(fromElsewhere.statusCode()).isEqualTo(403);
      assertThat(fromElsewhere.body()).contains("CONNECTOR_METRICS_TOKEN");
    }
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
