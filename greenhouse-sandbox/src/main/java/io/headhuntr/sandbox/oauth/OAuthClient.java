package io.headhuntr.sandbox.oauth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One registered OAuth client of the account: its secret, kind, registered scopes, the one redirect
 * URI of a partner, and the service user it acts as when no person is named.
 */
public record OAuthClient(
    String id,
    Secret secret,
    ClientKind kind,
    Set<String> scopes,
    Optional<String> redirectUri,
    long serviceUserId) {

  public OAuthClient {
    scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
  }

  /** The same client with other registered scopes. */
  public OAuthClient withScopes(Set<String> newScopes) {
    return new OAuthClient(id, secret, kind, newScopes, redirectUri, serviceUserId);
  }
}
