package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestSandbox;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.HarvestConnections;
import io.headhuntr.connector.store.TestDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant token cannot make the server call anything but Greenhouse: a credential whose URL is not
 * Greenhouse's (or not allowed by the operator) is refused before any call, in a sentence that says
 * nothing of what answers there; one saved earlier is refused at use.
 */
class OutboundHostsTest {
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
  void a_credential_pointing_inside_the_network_is_refused_before_any_call() {
    String tenant = app.createTenant("Probe Co");
    String path = "/api/v1/tenants/" + tenant + "/greenhouse/credential";
    for (String url :
        new String[] {
          "http://10.1.2.3:5432",
          "http://169.254.169.254",
          "https://intranet.example",
          "http://[::1]:22"
        }) {
      TestApp.Answer refused =
          app.put(path, app.admin(), Map.of("api_key", "abcdefgh12345678", "base_url", url));
      assertThat(refused.status()).as(url).isEqualTo(422);
      assertThat(refused.json().get("field").asText()).isEqualTo("base_url");
      assertThat(refused.body())
          .contains("is not allowed")
          .doesNotContain("Connect")
          .doesNotContain("timed out")
          .doesNotContain("refused");
    }
    TestApp.Answer client =
        app.put(
            path,
            app.admin(),
            Map.of(
                "kind",
                "v3_client_credentials",
                "client_id",
                "abc",
                "client_secret",
                "secret-secret",
                "auth_url",
                "http://10.1.2.3:8080"));
    assertThat(client.status()).isEqualTo(422);
    assertThat(client.json().get("field").asText()).isEqualTo("auth_url");
    assertThat(app.get(path, app.admin()).json().get("configured").asBoolean())
        .as("nothing was saved")
        .isFalse();
  }

  @Test
  void a_credential_saved_before_the_rule_is_refused_at_use_with_what_to_do() {
    String tenant = app.createTenant("Earlier Co");
    assertThat(
            app.put(
                    "/api/v1/tenants/" + tenant + "/greenhouse/credential",
                    app.admin(),
                    Map.of(
                        "api_key",
                        TestSandbox.FULL_KEY,
                        "base_url",
                        TestSandbox.shared().baseUrl().toString()))
                .status())
        .isEqualTo(200);
    // the same database, read by a connector whose operator allows Greenhouse only
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Credentials strict =
        new Credentials(
            TestDatabase.shared().jdbi(),
            app.masterKey(),
            Json.mapper(),
            Clock.systemUTC(),
            Duration.ofMinutes(1),
            Optional.empty(),
            GreenhouseHosts.greenhouseOnly());
    long before = TestSandbox.shared().requestCount(TestSandbox.FULL_KEY);

    var greenhouse =
        new HarvestConnections(strict).forTenant(UUID.fromString(tenant)).orElseThrow();

    assertThatThrownBy(greenhouse::users)
        .isInstanceOf(GreenhouseException.Refused.class)
        .hasMessageContaining("save the Greenhouse credential again");
    assertThat(TestSandbox.shared().requestCount(TestSandbox.FULL_KEY)).isEqualTo(before);
  }
}
