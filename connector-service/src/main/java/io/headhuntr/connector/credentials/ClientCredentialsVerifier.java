package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.api.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks Harvest v3 client credentials with two raw calls to the auth server (contract sections 2
 * and 4): a token without {@code sub} ({@code grant_type=client_credentials}), then its
 * introspection. The verdict names the field at fault: {@code invalid_client} blames {@code
 * client_secret} (Greenhouse does not say whether the id or the secret is wrong), a partner client
 * or a token whose user may not list blames {@code client_id}, no answer blames {@code auth_url}.
 * The token itself is used for nothing else and never leaves this class.
 */
final class ClientCredentialsVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLAIMS = "https://auth.greenhouse.io/claims";
  private final HttpClient http;
  private final Duration requestTimeout;

  ClientCredentialsVerifier(Duration connectTimeout, Duration requestTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.requestTimeout = requestTimeout;
  }

  IntrospectedToken verify(ClientCredentials client) {
    URI auth = client.authUrl();
    if (auth.getScheme().equals("http") && auth.getHost().endsWith("greenhouse.io")) {
      throw ProblemException.invalid(
          "auth_url", "Greenhouse's auth server needs HTTPS: use https://" + auth.getHost());
    }
    HttpResponse<String> token = post(client, "/token", "grant_type=client_credentials");
    JsonNode issued = read(token.body());
    String error = issued.path("error").asText("");
    if (token.statusCode() == 401 || error.equals("invalid_client")) {
      throw ProblemException.invalid(
          "client_secret",
          "Greenhouse refused this client id and secret (invalid_client): check that both were"
              + " copied whole from the Dev Center and that the client still exists");
    }
    if (error.equals("unauthorized_client")) {
      throw ProblemException.invalid(
          "client_id",
          "Greenhouse does not give this client tokens of its own (unauthorized_client): client"
              + " credentials need a custom client, not a partner one");
    }
    refuseOtherFailures(auth, token, "/token");
    String accessToken = issued.path("access_token").asText("");
    if (accessToken.isEmpty()) {
      throw ProblemException.invalid(
          "auth_url", auth + " does not answer like Greenhouse's auth server (no access_token)");
    }
    HttpResponse<String> introspection =
        post(client, "/introspect", "token=" + form(accessToken) + "&token_type_hint=access_token");
    refuseOtherFailures(auth, introspection, "/introspect");
    return judged(read(introspection.body()));
  }

  private static IntrospectedToken judged(JsonNode answer) {
    if (!answer.path("active").asBoolean(false)) {
      throw ProblemException.badGateway(
          "auth_url", "Greenhouse called the token it had just issued inactive; try again");
    }
    JsonNode claims = answer.path(CLAIMS);
    String role = claims.path("user_role").asText("unknown");
    if (!(role.equals("site_admin") || role.equals("service_user"))) {
      throw ProblemException.invalid(
          "client_id",
          "list endpoints need a Site Admin: this client's token acts as a user whose role is "
              + role
              + ", so the connector could not read jobs, candidates or users; use a custom client"
              + " acting as its service user or as a Site Admin");
    }
    Set<String> scopes =
        new LinkedHashSet<>(Arrays.asList(answer.path("scope").asText("").trim().split("\\s+")));
    scopes.remove("");
    JsonNode organization = claims.path("organization");
    Optional<IntrospectedToken.Organization> org =
        organization.path("id").canConvertToLong()
            ? Optional.of(
                new IntrospectedToken.Organization(
                    organization.path("id").asLong(), organization.path("name").asText("")))
            : Optional.empty();
    return new IntrospectedToken(scopes, org, role);
  }

  private static void refuseOtherFailures(URI auth, HttpResponse<String> answer, String path) {
    int status = answer.statusCode();
    if (status == 200) {
      return;
    }
    if (status == 429) {
      throw ProblemException.badGateway(
          "Greenhouse's token rate limit for this client is exhausted (HTTP 429); try again in a"
              + " minute");
    }
    if (status >= 500) {
      throw ProblemException.badGateway(
          "auth_url", "Greenhouse at " + auth + " failed (HTTP " + status + "); try again later");
    }
    throw ProblemException.invalid(
        "auth_url",
        auth
            + " does not answer like Greenhouse's auth server (POST "
            + path
            + ": HTTP "
            + status
            + ")");
  }

  private HttpResponse<String> post(ClientCredentials client, String path, String formBody) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (client.clientId() + ":" + client.clientSecret().value())
                    .getBytes(StandardCharsets.UTF_8));
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(client.authUrl().toString() + path))
              .timeout(requestTimeout)
              .header("Authorization", "Basic " + basic)
              .header("Accept", "application/json")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      throw ProblemException.invalid(
          "auth_url",
          "cannot reach Greenhouse's auth server at "
              + client.authUrl()
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.badGateway("auth_url", "interrupted while asking Greenhouse");
    }
  }

  private static JsonNode read(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
