package io.headhuntr.harvest.v3;

import java.net.URI;
import java.util.Objects;

/**
 * Where a {@link HarvestV3Client} gets its Bearer tokens: the client-credentials grant of a {@code
 * custom} Greenhouse client, or a {@code partner} client's authorization (code, then rotating
 * refresh tokens kept in a {@link TokenStore}).
 */
public sealed interface TokenSource permits TokenSource.ClientCredentials, TokenSource.Partner {

  /** The OAuth client id. */
  String clientId();

  /** The OAuth client secret (prints redacted). */
  ClientSecret clientSecret();

  /** A custom client: tokens by {@code grant_type=client_credentials}, one per acting user. */
  static TokenSource clientCredentials(String clientId, ClientSecret secret) {
    return new ClientCredentials(clientId, secret);
  }

  /**
   * A partner client: the caller sends a person to {@link HarvestV3Client#authorizeUrl}, hands the
   * returned code to {@link HarvestV3Client#exchangeCode}, and keeps the tokens in {@code store}.
   */
  static TokenSource partner(
      String clientId, ClientSecret secret, URI redirectUri, TokenStore store) {
    return new Partner(clientId, secret, redirectUri, store);
  }

  /** The client-credentials grant (a {@code custom} client). */
  record ClientCredentials(String clientId, ClientSecret clientSecret) implements TokenSource {
    public ClientCredentials {
      clientId = checkedId(clientId);
      Objects.requireNonNull(clientSecret, "clientSecret");
    }
  }

  /** The authorization-code grant with rotating refresh tokens (a {@code partner} client). */
  record Partner(String clientId, ClientSecret clientSecret, URI redirectUri, TokenStore store)
      implements TokenSource {
    public Partner {
      clientId = checkedId(clientId);
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(redirectUri, "redirectUri");
      if (!redirectUri.isAbsolute() || redirectUri.getHost() == null) {
        throw new IllegalArgumentException(
            "redirectUri must be the absolute URL registered with Greenhouse, got " + redirectUri);
      }
    }
  }

  private static String checkedId(String clientId) {
    if (clientId == null
        || clientId.isEmpty()
        || !clientId.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
      throw new IllegalArgumentException(
          "a client id is printable text without spaces or ':', got \"" + clientId + "\"");
    }
    return clientId;
  }
}
