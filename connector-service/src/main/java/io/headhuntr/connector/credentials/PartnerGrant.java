package io.headhuntr.connector.credentials;

import java.net.URI;

/**
 * A tenant's "Connect Greenhouse" authorization of the operator's partner client: the token pair
 * itself stays in the database (see {@link PartnerTokenStore}); this names whose client it is.
 *
 * @param authUrl the auth server's origin, {@code https://auth.greenhouse.io} in production
 */
public record PartnerGrant(String clientId, URI authUrl) implements GreenhouseCredential {

  @Override
  public String kind() {
    return V3_PARTNER;
  }

  /** Nothing of a token is shown: the last four are always {@code ""}. */
  @Override
  public String last4() {
    return "";
  }
}
