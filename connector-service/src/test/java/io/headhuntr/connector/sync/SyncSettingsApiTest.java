package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET}/{@code PUT /api/v1/tenants/{tenant_id}/sync/settings} on the real app. */
class SyncSettingsApiTest {
  private static TestApp app;
  private String settings;
  private String status;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void newTenant() {
    Answer created =
        app.post(
            "/api/v1/tenants",
            app.admin(),
            Map.of("name", "Acme", "error_recipient_email", "ats@acme.example"));
    String tenant = created.json().get("tenant_id").asText();
    status = "/api/v1/tenants/" + tenant + "/sync";
    settings = status + "/settings";
  }

  @Test
  void a_new_tenant_follows_the_service_defaults() {
    JsonNode read = app.get(settings, app.admin()).json();

    assertThat(read.get("interval_minutes").isNull()).isTrue();
    assertThat(read.get("full_interval_hours").isNull()).isTrue();
    assertThat(read.get("effective_interval_minutes").asInt()).isEqualTo(15);
    assertThat(read.get("effective_full_interval_hours").asInt()).isEqualTo(24);
    JsonNode sync = app.get(status, app.admin()).json();
    assertThat(sync.get("interval_minutes").asInt()).isEqualTo(15);
    assertThat(sync.get("full_interval_hours").asInt()).isEqualTo(24);
  }

  @Test
  void a_tenant_sets_its_own_schedule_reads_it_back_and_sees_it_in_the_status() {
    Answer saved =
        app.put(settings, app.admin(), "{\"interval_minutes\":5,\"full_interval_hours\":48}");

    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().get("interval_minutes").asInt()).isEqualTo(5);
    JsonNode read = app.get(settings, app.admin()).json();
    assertThat(read.get("interval_minutes").asInt()).isEqualTo(5);
    assertThat(read.get("full_interval_hours").asInt()).isEqualTo(48);
    assertThat(read.get("effective_interval_minutes").asInt()).isEqualTo(5);
    assertThat(read.get("effective_full_interval_hours").asInt()).isEqualTo(48);
    JsonNode sync = app.get(status, app.admin()).json();
    assertThat(sync.get("interval_minutes").asInt()).isEqualTo(5);
    assertThat(sync.get("full_interval_hours").asInt()).isEqualTo(48);

    // null (or leaving a field out) goes back to the service's default
    Answer reset = app.put(settings, app.admin(), "{\"interval_minutes\":null}");
    assertThat(reset.status()).isEqualTo(200);
    JsonNode back = app.get(settings, app.admin()).json();
    assertThat(back.get("interval_minutes").isNull()).isTrue();
    assertThat(back.get("full_interval_hours").isNull()).isTrue();
    assertThat(back.get("effective_interval_minutes").asInt()).isEqualTo(15);
    assertThat(back.get("effective_full_interval_hours").asInt()).isEqualTo(24);
  }

  @Test
  void what_get_answered_can_be_put_back_unchanged() {
    app.put(settings, app.admin(), "{\"interval_minutes\":7}");
    String answered = app.get(settings, app.admin()).body();

    Answer again = app.put(settings, app.admin(), answered);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("interval_minutes").asInt()).isEqualTo(7);
  }

  @Test
  void refuses_a_value_out_of_range_naming_the_field_and_saves_nothing() {
    app.put(settings, app.admin(), "{\"interval_minutes\":30,\"full_interval_hours\":12}");

    Answer refused =
        app.put(settings, app.admin(), "{\"interval_minutes\":10,\"full_interval_hours\":721}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("field").asText()).isEqualTo("full_interval_hours");
    assertThat(refused.json().get("detail").asText()).contains("1 to 720 hours", "721");
    JsonNode kept = app.get(settings, app.admin()).json();
    assertThat(kept.get("interval_minutes").asInt())
        .as("the valid field was not saved")
        .isEqualTo(30);
    assertThat(kept.get("full_interval_hours").asInt()).isEqualTo(12);
  }

  @Test
  void refuses_intervals_that_are_not_whole_minutes_in_range() {
    for (String body :
        new String[] {
          "{\"interval_minutes\":0}",
          "{\"interval_minutes\":1441}",
          "{\"interval_minutes\":1.5}",
          "{\"interval_minutes\":\"15\"}",
          "{\"interval_minutes\":99999999999}"
        }) {
      Answer refused = app.put(settings, app.admin(), body);
      assertThat(refused.status()).as(body).isEqualTo(422);
      assertThat(refused.json().get("field").asText()).as(body).isEqualTo("interval_minutes");
    }
    assertThat(app.get(settings, app.admin()).json().get("interval_minutes").isNull()).isTrue();
  }

  @Test
  void refuses_a_misspelt_setting_instead_of_resetting_it_to_the_default() {
    app.put(settings, app.admin(), "{\"interval_minutes\":30}");

    Answer refused = app.put(settings, app.admin(), "{\"interval\":5}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("interval");
    assertThat(app.get(settings, app.admin()).json().get("interval_minutes").asInt()).isEqualTo(30);
  }

  @Test
  void refuses_a_body_that_is_not_json() {
    Answer refused = app.put(settings, app.admin(), "interval_minutes=5");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
  }
}
