package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.api.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Checks a key against Greenhouse with one cheap call ({@code GET /v1/users?per_page=1}) and turns
 * the answer into a verdict naming the field at fault: a 401 blames {@code api_key} (unless another
 * cheap read accepts the key: Greenhouse also answers 401 for a missing permission); no answer, or
 * an answer that is not Harvest's, blames {@code base_url}.
 */
final class CredentialVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> OTHER_READS =
      List.of("/v1/jobs?per_page=1", "/v1/candidates?per_page=1&skip_count=true");
  private final HarvestProbe probe;

  CredentialVerifier(HarvestProbe probe) {
    this.probe = probe;
  }

  Verification verify(URI baseUrl, ApiKey key) {
    if (baseUrl.getScheme().equals("http") && baseUrl.getHost().endsWith("greenhouse.io")) {
      throw ProblemException.invalid(
          "base_url", "Greenhouse answers plain HTTP with 403: use https://" + baseUrl.getHost());
    }
    HarvestAnswer answer = send(baseUrl, key, "/v1/users?per_page=1");
    int status = answer.status();
    if (answer.isSuccess()) {
      return new Verification(firstUserId(answer.body()));
    }
    if (status == 401) {
      // 401 also means "this key lacks the endpoint permission": ask other cheap reads first
      for (String path : OTHER_READS) {
        int other = send(baseUrl, key, path).status();
        if (other != 401) {
          return verdict(baseUrl, other);
        }
      }
      throw ProblemException.invalid(
          "api_key",
          "Greenhouse refused this API key (HTTP 401): check that the whole Harvest key was"
              + " copied and that it has not been revoked");
    }
    return verdict(baseUrl, status);
  }

  /**
   * A key Greenhouse did not call invalid, judged by the status of a read it could not list users
   * with.
   */
  private static Verification verdict(URI baseUrl, int status) {
    if ((status >= 200 && status < 300) || status == 403) {
      return new Verification(Optional.empty()); // a valid key without "Users > GET: List Users"
    }
    if (status == 429) {
      throw ProblemException.badGateway(
          "Greenhouse's rate limit for this key is exhausted (HTTP 429); try again in a minute");
    }
    if (status >= 500) {
      throw ProblemException.badGateway(
          "base_url",
          "Greenhouse at " + baseUrl + " failed (HTTP " + status + "); try again later");
    }
    throw ProblemException.invalid(
        "base_url",
        baseUrl + " does not answer like Greenhouse Harvest (GET /v1/users: HTTP " + status + ")");
  }

  private HarvestAnswer send(URI baseUrl, ApiKey key, String path) {
    try {
      return probe.send(baseUrl, key, "GET", path, Optional.empty(), Optional.empty());
    } catch (IOException e) {
      throw ProblemException.invalid(
          "base_url",
          "cannot reach Greenhouse at " + baseUrl + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Optional<Long> firstUserId(String body) {
    try {
      JsonNode users = JSON.readTree(body);
      if (users.isArray() && users.size() > 0 && users.get(0).path("id").canConvertToLong()) {
        return Optional.of(users.get(0).path("id").asLong());
      }
    } catch (IOException e) {
      // not JSON: no acting user for write probes
    }
    return Optional.empty();
  }
}
