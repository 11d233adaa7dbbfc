package io.headhuntr.connector.credentials;

import java.net.URI;

/**
 * Harvest v3 client credentials of a {@code custom} Greenhouse OAuth client (Dev Center): tokens
 * come from {@code POST {authUrl}/token} with {@code grant_type=client_credentials}.
 *
 * @param authUrl the auth server's origin, {@code https://auth.greenhouse.io} in production
 */
public record ClientCredentials(String clientId, ClientSecret clientSecret, URI authUrl)
    implements GreenhouseCredential {

  @Override
  public String kind() {
    return V3_CLIENT_CREDENTIALS;
  }

  @Override
  public String last4() {
    return clientSecret.last4();
  }
}
