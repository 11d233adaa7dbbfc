package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.api.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Checks a key against Greenhouse with one cheap call ({@code GET /v1/users?per_page=1}) and turns
 * the answer into a verdict naming the field at fault: a 401 blames {@code api_key}; no answer, or
 * an answer that is not Harvest's, blames {@code base_url}.
 */
final class CredentialVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HarvestProbe probe;

  CredentialVerifier(HarvestProbe probe) {
    this.probe = probe;
  }

  Verification verify(URI baseUrl, ApiKey key) {
    HarvestAnswer answer;
    try {
      answer =
          probe.send(
              baseUrl, key, "GET", "/v1/users?per_page=1", Optional.empty(), Optional.empty());
    } catch (IOException e) {
      throw ProblemException.invalid(
          "base_url",
          "cannot reach Greenhouse at " + baseUrl + " (" + e.getClass().getSimpleName() + ")");
    }
    int status = answer.status();
    if (answer.isSuccess()) {
      return new Verification(firstUserId(answer.body()));
    }
    if (status == 401) {
      throw ProblemException.invalid(
          "api_key",
          "Greenhouse refused this API key (HTTP 401): check that the whole Harvest key was"
              + " copied and that it has not been revoked");
    }
    if (status == 403) {
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
