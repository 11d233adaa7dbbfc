package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestSandbox;
import io.headhuntr.sandbox.GreenhouseSandbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A push to a draft tenant is answered from what is stored: no request costs Greenhouse calls that
 * a caller could repeat at will (verifying the key, probing its permissions).
 */
class DraftPushCostTest {

  @Test
  void a_push_to_a_draft_tenant_is_refused_without_calling_greenhouse() {
    GreenhouseSandbox sandbox = TestSandbox.shared();
    String key = "draft-cost-key-" + System.nanoTime();
    sandbox.addApiKey(key, java.util.Set.of());
    try (TestApp app = TestApp.start()) {
      String tenant = app.createTenant("Draft Cost Co");
      String base = "/api/v1/tenants/" + tenant;
      assertThat(
              app.put(
                      base + "/greenhouse/credential",
                      app.admin(),
                      Map.of("api_key", key, "base_url", sandbox.baseUrl().toString()))
                  .status())
          .isIn(200, 422);
      long before = sandbox.requestCount(key);

      for (int i = 0; i < 5; i++) {
        TestApp.Answer refused =
            app.post(
                base + "/pushes",
                app.admin(),
                Map.of(
                    "acting_user_id",
                    "u1",
                    "person",
                    Map.of("first_name", "Ada", "last_name", "L", "emails", java.util.List.of()),
                    "target",
                    Map.of("type", "prospect")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("problems"))
            .extracting(JsonNode::asText)
            .anyMatch(p -> p.contains("/activate"));
      }

      assertThat(sandbox.requestCount(key))
          .as("Greenhouse calls for 5 refused pushes")
          .isEqualTo(before);
    }
  }
}
