package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.headhuntr.connector.api.ProblemException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The verdicts on a key, against a scripted Harvest (status per path). */
class CredentialVerifierTest {
  private HttpServer server;
  private final CredentialVerifier verifier =
      new CredentialVerifier(new HarvestProbe(Duration.ofSeconds(2), Duration.ofSeconds(5)));

  private URI harvest(Function<String, Integer> statusByPath) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          int status = statusByPath.apply(exchange.getRequestURI().getPath());
          byte[] body =
              (status == 200 ? "[{\"id\": 4280249007}]" : "{\"message\":\"no\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void takes_the_first_user_as_the_acting_user() throws Exception {
    URI base = harvest(path -> 200);

    assertThat(verifier.verify(base, new ApiKey("good-key-123")).actingUserId())
        .contains(4280249007L);
  }

  @Test
  void a_401_on_users_alone_means_a_missing_permission_not_a_wrong_key() throws Exception {
    URI base = harvest(path -> Map.of("/v1/users", 401).getOrDefault(path, 200));

    Verification verification = verifier.verify(base, new ApiKey("good-key-123"));

    assertThat(verification.actingUserId()).isEmpty();
  }

  @Test
  void a_401_everywhere_blames_the_key() throws Exception {
    URI base = harvest(path -> 401);

    assertThatThrownBy(() -> verifier.verify(base, new ApiKey("bad-key-123")))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.field()).contains("api_key"));
  }

  @Test
  void a_server_error_blames_greenhouse_at_the_base_url() throws Exception {
    URI base = harvest(path -> 503);

    assertThatThrownBy(() -> verifier.verify(base, new ApiKey("good-key-123")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(502);
              assertThat(p.field()).contains("base_url");
            });
  }

  @Test
  void something_that_is_not_harvest_blames_the_base_url() throws Exception {
    URI base = harvest(path -> 404);

    assertThatThrownBy(() -> verifier.verify(base, new ApiKey("good-key-123")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(422);
              assertThat(p.field()).contains("base_url");
            });
  }

  @Test
  void refuses_plain_http_to_greenhouse() {
    assertThatThrownBy(
            () ->
                verifier.verify(
                    URI.create("http://harvest.greenhouse.io"), new ApiKey("good-key-123")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.field()).contains("base_url");
              assertThat(p.getMessage()).contains("https://harvest.greenhouse.io");
            });
  }
}
