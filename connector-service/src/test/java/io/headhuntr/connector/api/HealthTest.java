package io.headhuntr.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void is_live_and_ready_with_its_database() {
    assertThat(app.get("/health/live", null).status()).isEqualTo(200);
    Answer ready = app.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("database").asText()).isEqualTo("up");
  }

  @Test
  void is_not_ready_when_its_database_is_gone(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    io.headhuntr.connector.store.Database own = io.headhuntr.connector.store.Database.embedded(dir);
    try (TestApp lonely = TestApp.start(own)) {
      assertThat(lonely.get("/health/ready", null).status()).isEqualTo(200);

      own.close();

      Answer ready = lonely.get("/health/ready", null);
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().get("database").asText()).isEqualTo("down");
      assertThat(lonely.get("/health/live", null).status()).isEqualTo(200);
    }
  }

  @Test
  void exposes_prometheus_metrics_including_its_own_requests() {
    app.get("/health/live", null);

    Answer metrics = app.get("/metrics", null);

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(metrics.body()).contains("connector_http_requests_seconds_count");
    assertThat(metrics.body()).contains("route=\"/health/live\"");
    assertThat(metrics.body()).contains("connector_db_connections{state=\"idle\"}");
  }
}
