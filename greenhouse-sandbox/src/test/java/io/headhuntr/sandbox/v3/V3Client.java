package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A raw Harvest v3 caller for tests: gets a bearer token from the sandbox's {@code /token} (custom
 * client credentials, or a partner's service-account consent) and sends exactly what it is told.
 */
final class V3Client {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final URI base;
  private final String token;

  private V3Client(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** One answer: status, headers and body. */
  record Answer(int status, HttpHeaders headers, String text) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The field the first error names (422 answers). */
    String errorField() {
      return json().path("errors").path(0).path("field").asText(null);
    }
  }

  /** A token of the demo seed's custom client acting as its service user. */
  static V3Client custom(GreenhouseSandbox sandbox) {
    ClientCredentials c = sandbox.demoCustomClient();
    Answer answer = form(sandbox.baseUrl(), "/token", c, "grant_type=client_credentials");
    return new V3Client(sandbox.baseUrl(), tokenOf(answer));
  }

  /** A token of the demo seed's partner client, consented as the organisation's service account. */
  static V3Client partner(GreenhouseSandbox sandbox) {
    ClientCredentials c = sandbox.demoPartnerClient();
    String redirect = sandbox.config().partnerRedirectUri();
    Answer consent =
        form(
            sandbox.baseUrl(),
            "/authorize",
            null,
            "response_type=code&client_id="
                + enc(c.clientId())
                + "&redirect_uri="
                + enc(redirect)
                + "&state=s1&choice=service_account");
    if (consent.status() != 302) {
      throw new AssertionError("consent refused: " + consent.status() + " " + consent.text());
    }
    String location = consent.header("Location");
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    Answer answer =
        form(
            sandbox.baseUrl(),
            "/token",
            c,
            "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(redirect));
    return new V3Client(sandbox.baseUrl(), tokenOf(answer));
  }

  private static String tokenOf(Answer answer) {
    if (answer.status() != 200) {
      throw new AssertionError("no token: " + answer.status() + " " + answer.text());
    }
    return answer.json().path("access_token").asText();
  }

  private static Answer form(URI base, String path, ClientCredentials client, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (client != null) {
      String basic = client.clientId() + ":" + client.secret().value();
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return send(request.build());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  Answer get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  /** GET of an absolute URL (a Link header's). */
  Answer follow(String absoluteUrl) {
    return send(authorized(HttpRequest.newBuilder(URI.create(absoluteUrl)).GET()).build());
  }

  Answer send(String method, String path, Object body) {
    try {
      String text =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .method(
                  method,
                  text == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
      if (text != null) {
        request.header("Content-Type", "application/json");
      }
      return send(authorized(request).build());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request.header("Authorization", "Bearer " + token);
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
