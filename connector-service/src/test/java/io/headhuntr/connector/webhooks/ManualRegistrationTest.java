package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestSandbox;
import io.headhuntr.sandbox.GreenhouseSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenants whose customer creates the webhooks by hand, as the setup guide says: a Harvest v1 key,
 * or the customer's own Harvest v3 client credentials (Greenhouse lets only partner integrations
 * manage webhooks). Their kit reads {@code manual} and the connector refuses to register, saying
 * why, without calling Greenhouse.
 */
class ManualRegistrationTest {
  private static TestApp app;
  private static GreenhouseSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = TestSandbox.shared();
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a_tenant_with_its_own_v3_client_reads_manual_and_registering_is_refused_with_the_reason() {
    String tenant = connected(Api.V3);
    long callsBefore = Api.V3.requestCount(sandbox, TestSandbox.FULL_KEY);

    JsonNode kit = kit(tenant);
    TestApp.Answer refused = register(tenant);

    assertThat(kit.get("registration").asText()).isEqualTo("manual");
    assertThat(kit.get("registration_note").asText())
        .contains("Create these webhooks in Greenhouse > Configure > Dev Center > Web Hooks");
    assertThat(kit.get("last_registration").isNull()).isTrue();
    assertThat(kit.get("greenhouse_checked_at").isNull()).isTrue();
    assertThat(kit.get("webhooks")).hasSize(14);
    assertThat(kit.get("webhooks").get(0).get("deactivated").isNull()).isTrue();
    assertThat(kit.get("warnings").toString()).contains("create these webhooks in Greenhouse");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText())
        .contains("only partner integrations manage webhooks")
        .contains("Harvest V3 (OAuth) credentials")
        .contains("Dev Center > Web Hooks");
    assertThat(Api.V3.requestCount(sandbox, TestSandbox.FULL_KEY))
        .as("neither the kit nor the refusal calls Greenhouse")
        .isEqualTo(callsBefore);
  }

  @Test
  void a_tenant_with_a_v1_key_reads_manual_and_registering_is_refused_with_the_reason() {
    String tenant = connected(Api.V1);
    long callsBefore = Api.V1.requestCount(sandbox, TestSandbox.FULL_KEY);

    JsonNode kit = kit(tenant);
    TestApp.Answer refused = register(tenant);

    assertThat(kit.get("registration").asText()).isEqualTo("manual");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText())
        .contains("Harvest v1 cannot manage webhooks")
        .contains("Dev Center > Web Hooks");
    assertThat(Api.V1.requestCount(sandbox, TestSandbox.FULL_KEY)).isEqualTo(callsBefore);
  }

  @Test
  void a_tenant_without_a_connection_reads_manual_and_is_told_to_connect_first() {
    String tenant = app.createTenant("Unconnected Co");

    assertThat(kit(tenant).get("registration").asText()).isEqualTo("manual");
    TestApp.Answer refused = register(tenant);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText())
        .contains("no Greenhouse connection is saved")
        .contains("connect Greenhouse first");
  }

  private static String connected(Api api) {
    String tenant = app.createTenant("Manual " + api + " Co");
    TestApp.Answer saved =
        app.put(
            "/api/v1/tenants/" + tenant + "/greenhouse/credential",
            app.admin(),
            api.credential(sandbox, TestSandbox.FULL_KEY));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    return tenant;
  }

  private static JsonNode kit(String tenant) {
    TestApp.Answer answer = app.get("/api/v1/tenants/" + tenant + "/webhooks/setup", app.admin());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static TestApp.Answer register(String tenant) {
    return app.post("/api/v1/tenants/" + tenant + "/webhooks/register", app.admin(), null);
  }
}
