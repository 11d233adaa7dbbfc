package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

  @Test
  void runs_embedded_under_the_data_dir_without_a_database_url() {
    ConnectorConfig config =
        ConnectorConfig.fromEnvironment(Map.of(), 8080, Path.of("data"), Optional.empty());

    assertThat(config.db().embedded()).isTrue();
    assertThat(config.db().dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.security().adminToken()).isEmpty();
    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
  }

  @Test
  void reads_the_external_database_and_secrets_but_never_prints_them() {
    ConnectorConfig config =
        ConnectorConfig.fromEnvironment(
            Map.of(
                "CONNECTOR_DB_URL", "jdbc:postgresql://db:5432/connector?password=url-secret-0",
                "CONNECTOR_DB_USER", "svc",
                "CONNECTOR_DB_PASSWORD", "db-password-123",
                "CONNECTOR_ADMIN_TOKEN", "admin-token-456",
                "CONNECTOR_MASTER_KEY", "master-key-789",
                "CONNECTOR_PUBLIC_BASE_URL", "https://gh.example.com"),
            9090,
            Path.of("/var/lib/connector"),
            Optional.empty());

    assertThat(config.db().embedded()).isFalse();
    assertThat(config.db().user()).isEqualTo("svc");
    assertThat(config.security().adminToken()).contains("admin-token-456");
    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("https://gh.example.com"));
    assertThat(config.toString())
        .doesNotContain("db-password-123", "admin-token-456", "master-key-789", "url-secret-0")
        .contains("jdbc:postgresql://db:5432/connector");
  }

  @Test
  void a_flag_wins_over_the_environment_for_the_public_base_url() {
    ConnectorConfig config =
        ConnectorConfig.fromEnvironment(
            Map.of("CONNECTOR_PUBLIC_BASE_URL", "https://env.example.com"),
            8080,
            Path.of("data"),
            Optional.of(URI.create("https://flag.example.com")));

    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("https://flag.example.com"));
  }
}
