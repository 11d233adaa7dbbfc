package io.headhuntr.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text PostgreSQL cannot store (a NUL, half a surrogate pair) is refused at the door with a 422
 * naming the field, and nothing is saved; an emoji (a whole pair) is ordinary text.
 */
class StorableTextTest {
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
  void a_nul_in_a_field_is_a_422_naming_that_field_and_nothing_is_saved() {
    String tenant = app.createTenant("Nul Co");
    String users = "/api/v1/tenants/" + tenant + "/users";
    Answer refused =
        app.send(
            "PUT",
            users,
            app.admin(),
            "[{\"id\":\"u1\",\"email\":\"a@x.example\",\"name\":\"Ann\"},"
                + "{\"id\":\"u2\",\"email\":\"b@x.example\",\"name\":\"B\\u0000b\"}]");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("field").asText()).isEqualTo("[1].name");
    assertThat(refused.body()).contains("NUL");
    assertThat(app.get(users, app.admin()).json()).isEmpty();
  }

  @Test
  void half_a_surrogate_pair_is_refused_and_a_whole_one_is_stored() {
    String tenant = app.createTenant("Emoji Co");
    String users = "/api/v1/tenants/" + tenant + "/users";
    Answer refused =
        app.send(
            "PUT",
            users,
            app.admin(),
            "[{\"id\":\"u1\",\"email\":\"a@x.example\",\"name\":\"A\\ud800\"}]");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("field").asText()).isEqualTo("[0].name");

    Answer stored =
        app.send(
            "PUT",
            users,
            app.admin(),
            "[{\"id\":\"u1\",\"email\":\"a@x.example\",\"name\":\"Ann \\ud83d\\ude00\"}]");
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(app.get(users, app.admin()).json().get(0).get("name").asText())
        .isEqualTo("Ann \ud83d\ude00");
  }
}
