package io.headhuntr.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;

/**
 * A refusal of the auth server in RFC 6749's shape ({@code {"error","error_description"}}); the
 * token and introspection handlers throw it and one exception mapper writes it.
 */
public final class OAuthError extends RuntimeException {
  private final int status;
  private final String error;

  private OAuthError(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  /** The RFC 6749 error code, e.g. {@code invalid_grant}. */
  public String error() {
    return error;
  }

  public ObjectNode body() {
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", getMessage());
    return body;
  }

  static OAuthError invalidClient(String description) {
    return new OAuthError(401, "invalid_client", description);
  }

  static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description);
  }

  static OAuthError invalidGrant(String description) {
    return new OAuthError(400, "invalid_grant", description);
  }

  static OAuthError unauthorizedClient(String description) {
    return new OAuthError(400, "unauthorized_client", description);
  }

  static OAuthError unsupportedGrantType(String description) {
    return new OAuthError(400, "unsupported_grant_type", description);
  }

  static OAuthError rateLimited() {
    return new OAuthError(429, "rate_limited", "Too many token requests; retry after Retry-After");
  }
}
