package io.headhuntr.connector.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.TestApp.Answer;
import io.headhuntr.connector.TestSandbox;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import io.headhuntr.sandbox.oauth.ClientKind;
import io.headhuntr.sandbox.oauth.Scopes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Activation as the guide's last step, for a tenant on Harvest v1 (an API key) and on v3 (client
 * credentials): refused with the list of what is missing until the setup is complete, refused for a
 * credential lacking a required permission (v3: its scope), checked again on resume.
 */
class ActivationTest {
  private static final String KEY = TestSandbox.FULL_KEY;
  private static GreenhouseSandbox sandbox;
  private static TestApp app;

  @BeforeAll
  static void start() {
    sandbox = TestSandbox.shared();
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void refuses_activation_with_the_list_of_what_is_missing_then_activates(Api api)
      throws Exception {
    String tenant = app.createTenant("Activation Co " + api);
    String base = "/api/v1/tenants/" + tenant;

    Answer refused = app.post(base + "/activate", app.admin(), null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    List<String> problems = texts(refused.json().get("problems"));
    assertThat(problems).anyMatch(p -> p.contains("no Greenhouse API key"));
    assertThat(problems).anyMatch(p -> p.contains("no platform user is mapped"));
    assertThat(app.get(base, app.admin()).json().get("state").asText()).isEqualTo("draft");

    Answer saved =
        app.put(base + "/greenhouse/credential", app.admin(), api.credential(sandbox, KEY));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    List<String> stillMissing =
        texts(app.post(base + "/activate", app.admin(), null).json().get("problems"));
    assertThat(stillMissing).noneMatch(p -> p.contains("API key"));
    assertThat(stillMissing).anyMatch(p -> p.contains("no platform user is mapped"));

    long greenhouseUserId = firstGreenhouseUser();
    assertThat(
            app.put(
                    base + "/users",
                    app.admin(),
                    List.of(
                        Map.of(
                            "id",
                            "u-1",
                            "email",
                            greenhouseUser().get("primary_email_address").asText(),
                            "name",
                            "Rita Recruiter")))
                .status())
        .isEqualTo(200);
    Answer mapped =
        app.put(
            base + "/user-mappings",
            app.admin(),
            List.of(Map.of("platform_user_id", "u-1", "greenhouse_user_id", greenhouseUserId)));
    assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);

    Answer activated = app.post(base + "/activate", app.admin(), null);
    assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    assertThat(activated.json().get("tenant").get("state").asText()).isEqualTo("active");
    assertThat(activated.json().get("warnings").toString()).contains("ping");

    Answer paused = app.post(base + "/pause", app.admin(), null);
    assertThat(paused.json().get("state").asText()).isEqualTo("paused");
    Answer resumed = app.post(base + "/resume", app.admin(), null);
    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.json().get("tenant").get("state").asText()).isEqualTo("active");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void refuses_activation_when_a_required_permission_is_missing(Api api) throws Exception {
    String key = "sandbox-no-prospect-key-19fe-" + api;
    List<String> held =
        io.headhuntr.connector.credentials.GuidePermissions.all().stream()
            .map(io.headhuntr.connector.credentials.GuidePermission::name)
            .filter(n -> !n.equals("POST: Add Prospect"))
            .toList();
    createSandboxKey(key, held);
    // v3: Add Prospect is harvest:candidates:create with harvest:applications:create
    ClientCredentials client =
        client("no-applications-create", s -> !s.equals("harvest:applications:create"));
    String tenant = app.createTenant("Missing Perm Co " + api);
    String base = "/api/v1/tenants/" + tenant;
    app.put(base + "/greenhouse/credential", app.admin(), api.credential(sandbox, key, client));

    Answer refused = app.post(base + "/activate", app.admin(), null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(texts(refused.json().get("problems")))
        .contains("required permission not granted: Candidates > POST: Add Prospect");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void resume_checks_again_and_refuses_a_key_revoked_meanwhile(Api api) throws Exception {
    String key = "sandbox-revoked-later-key-c2d1-" + api;
    createSandboxKey(key, List.of("*"));
    ClientCredentials client = client("revoked-later", s -> true);
    String tenant = app.createTenant("Revoked Later Co " + api);
    String base = "/api/v1/tenants/" + tenant;
    app.put(base + "/greenhouse/credential", app.admin(), api.credential(sandbox, key, client));
    app.put(
        base + "/users",
        app.admin(),
        List.of(
            Map.of(
                "id",
                "u-9",
                "email",
                greenhouseUser().get("primary_email_address").asText(),
                "name",
                "Lee Lead")));
    app.put(
        base + "/user-mappings",
        app.admin(),
        List.of(Map.of("platform_user_id", "u-9", "greenhouse_user_id", firstGreenhouseUser())));
    assertThat(app.post(base + "/activate", app.admin(), null).status()).isEqualTo(200);
    assertThat(app.post(base + "/pause", app.admin(), null).status()).isEqualTo(200);

    // the customer deletes the key (v3: the client credentials) in Greenhouse
    String deleted =
        api == Api.V1 ? "/sandbox/keys/" + key : "/sandbox/oauth/clients/" + client.clientId();
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(sandbox.baseUrl().resolve(deleted)).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
    Answer refused = app.post(base + "/resume", app.admin(), null);

    assertThat(refused.status()).isEqualTo(409);
    // v1 answers the key with 401; v3's token endpoint refuses the client as invalid_client
    String doesNotVerify = api == Api.V1 ? "API key does not verify" : "credentials do not verify";
    String why = api == Api.V1 ? "401" : "invalid_client";
    assertThat(texts(refused.json().get("problems")))
        .anyMatch(p -> p.contains(doesNotVerify) && p.contains(why));
    assertThat(app.get(base, app.admin()).json().get("state").asText()).isEqualTo("paused");
  }

  /**
   * A new custom client on the shared sandbox with the scopes {@code kept} keeps (the shared demo
   * client is never changed).
   */
  private static ClientCredentials client(String name, java.util.function.Predicate<String> kept) {
    ClientCredentials client =
        new ClientCredentials("activation-" + name + "-" + UUID.randomUUID(), "s3cret-" + name);
    sandbox.addOAuthClient(
        client.clientId(),
        client.secret().value(),
        ClientKind.CUSTOM,
        Scopes.ALL.stream().filter(kept).collect(Collectors.toSet()),
        null);
    return client;
  }

  private static void createSandboxKey(String key, List<String> permissions) throws Exception {
    String body =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(Map.of("key", key, "permissions", permissions));
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sandbox.baseUrl().resolve("/sandbox/keys"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode() / 100).as(created.body()).isEqualTo(2);
  }

  private static long firstGreenhouseUser() throws Exception {
    return greenhouseUser().get("id").asLong();
  }

  /** The first Greenhouse user (a platform user mapped to them carries their email). */
  private static JsonNode greenhouseUser() throws Exception {
    String basic = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/users?per_page=1"))
                    .header("Authorization", "Basic " + basic)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode users = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    return users.get(0);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
