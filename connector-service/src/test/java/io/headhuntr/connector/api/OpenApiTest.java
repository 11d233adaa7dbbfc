package io.headhuntr.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiTest {
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
  void describes_every_route_javalin_serves() {
    JsonNode paths = app.get("/openapi.json", null).json().get("paths");
    List<ParsedEndpoint> registered =
        io.headhuntr.connector.AppAccess.javalin(app.app()).unsafe.internalRouter.allHttpHandlers();

    assertThat(registered).hasSizeGreaterThan(15);
    for (ParsedEndpoint parsed : registered) {
      if (!parsed.endpoint.method.isHttpMethod()) {
        continue; // before and after handlers
      }
      String method = parsed.endpoint.method.name().toLowerCase(Locale.ROOT);
      String path = parsed.endpoint.path;
      assertThat(paths.has(path)).as("path %s in /openapi.json", path).isTrue();
      assertThat(paths.get(path).has(method)).as("%s %s in /openapi.json", method, path).isTrue();
    }
  }

  @Test
  void every_schema_reference_resolves() {
    Answer answer = app.get("/openapi.json", null);
    JsonNode schemas = answer.json().get("components").get("schemas");
    Matcher refs = Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(answer.body());
    List<String> missing = new ArrayList<>();
    while (refs.find()) {
      if (!schemas.has(refs.group(1))) {
        missing.add(refs.group(1));
      }
    }
    assertThat(missing).isEmpty();
    assertThat(answer.json().get("openapi").asText()).startsWith("3.");
  }

  @Test
  void serves_swagger_ui_pointed_at_the_document() {
    Answer docs = app.get("/docs", null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.contentType()).startsWith("text/html");
    assertThat(docs.body()).contains("/openapi.json");

    Matcher bundle = Pattern.compile("src=\"([^\"]+swagger-ui-bundle\\.js)\"").matcher(docs.body());
    assertThat(bundle.find()).isTrue();
    Answer script = app.get(bundle.group(1), null);
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("SwaggerUIBundle");
  }

  @Test
  void the_sync_schemas_name_exactly_the_fields_the_sync_answers() {
    String tenant =
        app.post(
                "/api/v1/tenants",
                app.admin(),
                Map.of("name", "Schema check", "error_recipient_email", "ats@acme.example"))
            .json()
            .get("tenant_id")
            .asText();
    JsonNode schemas = app.get("/openapi.json", null).json().get("components").get("schemas");
    JsonNode status = app.get("/api/v1/tenants/" + tenant + "/sync", app.admin()).json();
    JsonNode settings = app.get("/api/v1/tenants/" + tenant + "/sync/settings", app.admin()).json();

    JsonNode syncStatus = schemas.get("SyncStatus").get("properties");
    assertThat(names(syncStatus)).containsExactlyInAnyOrderElementsOf(names(status));
    assertThat(names(syncStatus.get("resources").get("items").get("properties")))
        .containsExactlyInAnyOrderElementsOf(names(status.get("resources").get(0)));
    assertThat(names(schemas.get("SyncSettings").get("properties")))
        .containsExactlyInAnyOrderElementsOf(names(settings));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
