package io.headhuntr.sandbox.oauth;

import java.util.Set;

/**
 * The payload of a sandbox access token: issuer, acting user ({@code sub}), client, granted scopes,
 * issue and expiry (epoch seconds) and a unique id.
 */
public record AccessClaims(
    String issuer, long sub, String clientId, Set<String> scopes, long iat, long exp, String jti) {

  /** The {@code scope} claim: the scopes separated by spaces. */
  public String scopeClaim() {
    return String.join(" ", scopes);
  }
}
