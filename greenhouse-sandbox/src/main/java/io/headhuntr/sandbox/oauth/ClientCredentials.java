package io.headhuntr.sandbox.oauth;

/** A client id and its secret, as the sandbox prints them for its demo clients. */
public record ClientCredentials(String clientId, Secret secret) {
  public ClientCredentials(String clientId, String secret) {
    this(clientId, new Secret(secret));
  }
}
