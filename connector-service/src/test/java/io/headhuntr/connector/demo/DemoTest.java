package io.headhuntr.connector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void the_demo_configures_an_active_tenant_writes_demo_json_and_reuses_it_on_a_second_run(
      @TempDir Path dataDir) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out =
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                log.write(b);
                System.out.write(b);
              }
            },
            true,
            StandardCharsets.UTF_8);
    String tenantId;
    List<String> firstPushes;
    try (Demo demo = Demo.start(new Demo.Options(0, 0, dataDir), out)) {
      JsonNode file = JSON.readTree(Files.readString(dataDir.resolve("demo.json")));
      for (String field :
          new String[] {
            "connector_url",
            "admin_token",
            "tenant_id",
            "tenant_token",
            "webhook_url",
            "webhook_secret",
            "sandbox_url",
            "sandbox_api_key"
          }) {
        assertThat(file.path(field).asText()).as(field).isNotBlank();
      }
      tenantId = file.get("tenant_id").asText();
      String tenant = file.get("connector_url").asText() + "/api/v1/tenants/" + tenantId;
      String token = file.get("tenant_token").asText();

      assertThat(get(tenant, token).get("state").asText()).isEqualTo("active");
      assertThat(file.get("api_version").asText()).isEqualTo("v3");
      assertThat(get(tenant + "/greenhouse/credential", token).get("kind").asText())
          .as("by default the demo connects as today's Greenhouse: Harvest v3")
          .isEqualTo("v3_client_credentials");
      assertThat(file.get("webhook_url").asText())
          .startsWith(file.get("connector_url").asText() + "/webhooks/greenhouse/");

      JsonNode setup = get(tenant + "/webhooks/setup", token);
      // pinged, and those the demo's pushes and hire made Greenhouse send are delivering
      assertThat(setup.get("webhooks"))
          .allSatisfy(w -> assertThat(w.get("status").asText()).isIn("pinged", "delivering"));

      assertThat(demo.pushIds()).hasSize(3);
      List<JsonNode> pushes = new ArrayList<>();
      for (String id : demo.pushIds()) {
        pushes.add(get(tenant + "/pushes/" + id, token));
      }
      assertThat(pushes).allSatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("done"));
      assertThat(pushes).extracting(p -> p.get("result").asText()).contains("created", "linked");
      assertThat(pushes)
          .anySatisfy(p -> assertThat(p.path("outcome").path("state").asText()).isEqualTo("hired"));
      assertThat(get(tenant + "/events", token).get("events").findValuesAsText("type"))
          .contains("person_pushed", "hired");

      JsonNode mappings = get(tenant + "/user-mappings", token);
      assertThat(mappings).hasSize(DemoWalkthrough.DEMO_RECRUITERS);
      assertThat(mappings)
          .allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("verified"));

      SampleAction action = demo.sampleAction().orElseThrow();
      HttpResponse<String> edit =
          http.send(
              HttpRequest.newBuilder(action.candidate())
                  .method("PATCH", HttpRequest.BodyPublishers.ofString(SampleAction.BODY))
                  .header(
                      "Authorization",
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString(
                                  (action.sandboxApiKey() + ":").getBytes(StandardCharsets.UTF_8)))
                  .header("On-Behalf-Of", action.onBehalfOf())
                  .header("Content-Type", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                JsonNode updated = get(tenant + "/webhooks/setup", token).get("webhooks").get(4);
                assertThat(updated.get("action").asText()).isEqualTo("update_candidate");
                assertThat(updated.get("status").asText()).isEqualTo("delivering");
              });

      demo.printGuide(out, dataDir);
      firstPushes = demo.pushIds();

      // the guide names the console and a sign-in link that works once
      String printed = log.toString(StandardCharsets.UTF_8);
      assertThat(printed)
          .contains("Console:                " + file.get("connector_url").asText() + "/console");
      java.util.regex.Matcher link =
          java.util.regex.Pattern.compile("Sign in to it once at:  (\\S+)").matcher(printed);
      assertThat(link.find()).as(printed).isTrue();
      HttpResponse<String> first =
          http.send(
              HttpRequest.newBuilder(URI.create(link.group(1))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(first.statusCode()).isEqualTo(303);
      assertThat(first.headers().firstValue("Location").orElse(""))
          .isEqualTo("/console/t/" + tenantId);
      assertThat(first.headers().allValues("Set-Cookie"))
          .anyMatch(c -> c.startsWith("ghc_console=") && c.contains("HttpOnly"));
      HttpResponse<String> second =
          http.send(
              HttpRequest.newBuilder(URI.create(link.group(1))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(second.statusCode()).as("the link is used up").isEqualTo(410);
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("created tenant " + tenantId)
        .contains("activated: state active")
        .doesNotContain("Generated the admin token");

    try (Demo again = Demo.start(new Demo.Options(0, 0, dataDir), out)) {
      assertThat(again.info().tenantId()).isEqualTo(tenantId);
      assertThat(
              get(
                      again.info().connectorUrl() + "/api/v1/tenants/" + tenantId,
                      again.info().tenantToken())
                  .get("state")
                  .asText())
          .isEqualTo("active");
      // the sandbox starts afresh, so the second run pushes into it again: three new pushes
      assertThat(again.pushIds()).hasSize(3).doesNotContainAnyElementsOf(firstPushes);
      JsonNode events =
          get(
                  again.info().connectorUrl()
                      + "/api/v1/tenants/"
                      + tenantId
                      + "/events?limit=1000",
                  again.info().tenantToken())
              .get("events");
      assertThat(events.findValuesAsText("type").stream().filter("person_pushed"::equals))
          .hasSize(6);
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("reusing tenant " + tenantId);
  }

  @Test
  void with_api_v1_the_demo_walks_the_guide_as_written_with_an_api_key(@TempDir Path dataDir)
      throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Demo demo = Demo.start(new Demo.Options(0, 0, dataDir, "v1"), out)) {
      JsonNode file = JSON.readTree(Files.readString(dataDir.resolve("demo.json")));
      assertThat(file.get("api_version").asText()).isEqualTo("v1");
      String tenant =
          file.get("connector_url").asText() + "/api/v1/tenants/" + file.get("tenant_id").asText();
      String token = file.get("tenant_token").asText();
      assertThat(get(tenant + "/greenhouse/credential", token).get("kind").asText())
          .isEqualTo("v1_api_key");
      assertThat(get(tenant, token).get("state").asText()).isEqualTo("active");
      assertThat(demo.pushIds()).hasSize(3);
      for (String id : demo.pushIds()) {
        assertThat(get(tenant + "/pushes/" + id, token).get("status").asText()).isEqualTo("done");
      }
    }
  }

  @Test
  void refuses_an_api_other_than_v1_or_v3() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Demo.Options(0, 0, Path.of("data"), "v2"))
        .hasMessageContaining("--api must be v1 or v3");
  }

  private JsonNode get(String url, String token) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(url + " -> " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
