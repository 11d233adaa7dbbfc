package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connector serve} on an external PostgreSQL ({@code CONNECTOR_DB_URL}). */
class ExternalDatabaseTest {

  private static ConnectorConfig external(String url, Optional<String> masterKey, Path dataDir) {
    return new ConnectorConfig(
        new ConnectorConfig.HttpConfig(0, ConnectorConfig.HttpConfig.DEFAULT_MAX_REQUEST_BYTES),
        new ConnectorConfig.DbConfig(
            Optional.of(url),
            io.headhuntr.connector.store.TestDatabase.externalUser(),
            io.headhuntr.connector.store.TestDatabase.externalPassword(),
            dataDir),
        new ConnectorConfig.SecurityConfig(
            Optional.of("ghc_admin_external_test"), masterKey, Duration.ofMinutes(1)),
        URI.create("http://connector.test"));
  }

  @Test
  void refuses_to_start_on_an_external_database_without_a_master_key(@TempDir Path dataDir) {
    ConnectorConfig config =
        external("jdbc:postgresql://127.0.0.1:1/unused", Optional.empty(), dataDir);

    assertThatThrownBy(() -> Service.start(config, Clock.systemUTC(), System.out))
        .hasMessageContaining("CONNECTOR_MASTER_KEY");
    assertThat(Files.exists(dataDir.resolve("master-key.json"))).isFalse();
  }

  @Test
  void serves_from_an_external_database(@TempDir Path dataDir) throws Exception {
    String url = System.getenv("CONNECTOR_TEST_DB_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "skipped: CONNECTOR_TEST_DB_URL (external PostgreSQL) not set");
    String key = Base64.getEncoder().encodeToString(new byte[32]);

    try (Service service =
        Service.start(
            external(url, Optional.of(key), dataDir),
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(service.database().isEmbedded()).isFalse();
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(service.app().baseUrl().resolve("/health/ready")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      HttpResponse<String> tenants =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(service.app().baseUrl().resolve("/api/v1/tenants"))
                      .header("Authorization", "Bearer ghc_admin_external_test")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(tenants.statusCode()).isEqualTo(200);
    }
  }
}
