package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
  void reads_retention_the_push_confirm_window_and_the_allowed_greenhouse_urls() {
    ConnectorConfig defaults =
        ConnectorConfig.fromEnvironment(Map.of(), 8080, Path.of("data"), Optional.empty());
    assertThat(defaults.workers().retention().retention()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(defaults.workers().retention().attachments())
        .isEqualTo(java.time.Duration.ofDays(7));
    assertThat(defaults.workers().pushConfirmWindow()).isEqualTo(java.time.Duration.ofMinutes(5));
    assertThat(defaults.security().greenhouseHosts().refusal(URI.create("http://127.0.0.1:4010")))
        .isPresent();

    ConnectorConfig set =
        ConnectorConfig.fromEnvironment(
            Map.of(
                "CONNECTOR_RETENTION", "P14D",
                "CONNECTOR_ATTACHMENT_RETENTION", "PT48H",
                "CONNECTOR_PUSH_CONFIRM_WINDOW", "PT90S",
                "CONNECTOR_ALLOW_GREENHOUSE_URLS", "http://127.0.0.1:4010"),
            8080,
            Path.of("data"),
            Optional.empty());
    assertThat(set.workers().retention().retention()).isEqualTo(java.time.Duration.ofDays(14));
    assertThat(set.workers().retention().attachments()).isEqualTo(java.time.Duration.ofHours(48));
    assertThat(set.workers().pushConfirmWindow()).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(set.security().greenhouseHosts().refusal(URI.create("http://127.0.0.1:4010")))
        .isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ConnectorConfig.fromEnvironment(
                    Map.of("CONNECTOR_PUSH_CONFIRM_WINDOW", "PT2H"),
                    8080,
                    Path.of("data"),
                    Optional.empty()))
        .hasMessageContaining("CONNECTOR_PUSH_CONFIRM_WINDOW");
  }

  @Test
  void a_dead_instances_claims_are_taken_over_after_the_configured_time_or_each_queues_default() {
    assertThat(
            ConnectorConfig.fromEnvironment(Map.of(), 8080, Path.of("data"), Optional.empty())
                .workers()
                .takeoverAfter())
        .isEmpty();
    assertThat(
            ConnectorConfig.fromEnvironment(
                    Map.of("CONNECTOR_TAKEOVER_AFTER", "PT8S"),
                    8080,
                    Path.of("data"),
                    Optional.empty())
                .workers()
                .takeoverAfter())
        .contains(Duration.ofSeconds(8));
    for (String refused : List.of("PT2S", "PT2H", "PT7.5S", "soon")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  ConnectorConfig.fromEnvironment(
                      Map.of("CONNECTOR_TAKEOVER_AFTER", refused),
                      8080,
                      Path.of("data"),
                      Optional.empty()))
          .as(refused)
          .hasMessageContaining("CONNECTOR_TAKEOVER_AFTER");
    }
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

  @Test
  void syncs_every_15_minutes_with_a_full_pass_a_day_unless_told_otherwise() {
    ConnectorConfig config =
        ConnectorConfig.fromEnvironment(Map.of(), 8080, Path.of("data"), Optional.empty());

    assertThat(config.workers().sync().interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.workers().sync().fullInterval()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void reads_the_sync_intervals_as_iso_durations_or_plain_minutes() {
    ConnectorConfig iso =
        ConnectorConfig.fromEnvironment(
            Map.of("CONNECTOR_SYNC_INTERVAL", "PT5M", "CONNECTOR_SYNC_FULL_INTERVAL", "p2d"),
            8080,
            Path.of("data"),
            Optional.empty());
    ConnectorConfig minutes =
        ConnectorConfig.fromEnvironment(
            Map.of("CONNECTOR_SYNC_INTERVAL", " 30 ", "CONNECTOR_SYNC_FULL_INTERVAL", "720"),
            8080,
            Path.of("data"),
            Optional.empty());

    assertThat(iso.workers().sync().interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(iso.workers().sync().fullInterval()).isEqualTo(Duration.ofHours(48));
    assertThat(minutes.workers().sync().interval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(minutes.workers().sync().fullInterval()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void refuses_a_sync_interval_that_is_not_a_duration_naming_the_variable_and_an_example() {
    assertThatThrownBy(() -> fromEnv("CONNECTOR_SYNC_INTERVAL", "15 minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CONNECTOR_SYNC_INTERVAL")
        .hasMessageContaining("PT15M")
        .hasMessageContaining("15 minutes");
    assertThatThrownBy(() -> fromEnv("CONNECTOR_SYNC_INTERVAL", "PT30S"))
        .hasMessageContaining("CONNECTOR_SYNC_INTERVAL must be whole minutes from PT1M to PT24H");
    assertThatThrownBy(() -> fromEnv("CONNECTOR_SYNC_INTERVAL", "PT25H"))
        .hasMessageContaining("CONNECTOR_SYNC_INTERVAL");
  }

  @Test
  void refuses_a_full_interval_that_is_not_whole_hours_naming_the_variable() {
    // "24" is 24 minutes, not a day: refused rather than a full pass every 24 minutes
    assertThatThrownBy(() -> fromEnv("CONNECTOR_SYNC_FULL_INTERVAL", "24"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CONNECTOR_SYNC_FULL_INTERVAL must be whole hours")
        .hasMessageContaining("PT24H");
    assertThatThrownBy(() -> fromEnv("CONNECTOR_SYNC_FULL_INTERVAL", "P31D"))
        .hasMessageContaining("CONNECTOR_SYNC_FULL_INTERVAL");
    assertThatThrownBy(() -> fromEnv("CONNECTOR_SYNC_FULL_INTERVAL", "P9999999999D"))
        .hasMessageContaining("CONNECTOR_SYNC_FULL_INTERVAL");
  }

  private static ConnectorConfig fromEnv(String name, String value) {
    return ConnectorConfig.fromEnvironment(
        Map.of(name, value), 8080, Path.of("data"), Optional.empty());
  }
}
