package io.headhuntr.connector.credentials;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's Greenhouse partner OAuth client, behind every tenant's "Connect Greenhouse": read
 * once from the environment ({@code CONNECTOR_GREENHOUSE_PARTNER_CLIENT_ID}, {@code _SECRET},
 * {@code _REDIRECT_URI}, and optionally {@code _AUTH_URL}, {@code _HARVEST_URL}, {@code _SCOPES}).
 * Prints its secret redacted.
 *
 * @param redirectUri the connector's {@code /oauth/greenhouse/callback} as registered with
 *     Greenhouse
 * @param scopes the scopes requested on consent; empty requests all the client's scopes
 */
public record PartnerClient(
    String clientId,
    ClientSecret clientSecret,
    URI redirectUri,
    URI authUrl,
    URI harvestUrl,
    List<String> scopes) {
  public PartnerClient {
    scopes = List.copyOf(scopes);
  }

  /** The configured client, or empty when the id, secret or redirect URI is not set. */
  public static Optional<PartnerClient> fromEnvironment(Map<String, String> env) {
    Optional<String> id = nonBlank(env.get("CONNECTOR_GREENHOUSE_PARTNER_CLIENT_ID"));
    Optional<String> secret = nonBlank(env.get("CONNECTOR_GREENHOUSE_PARTNER_CLIENT_SECRET"));
    Optional<String> redirect = nonBlank(env.get("CONNECTOR_GREENHOUSE_PARTNER_REDIRECT_URI"));
    if (id.isEmpty() || secret.isEmpty() || redirect.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PartnerClient(
            id.get(),
            new ClientSecret(secret.get()),
            URI.create(redirect.get()),
            nonBlank(env.get("CONNECTOR_GREENHOUSE_PARTNER_AUTH_URL"))
                .map(URI::create)
                .orElse(Credentials.DEFAULT_AUTH_URL),
            nonBlank(env.get("CONNECTOR_GREENHOUSE_PARTNER_HARVEST_URL"))
                .map(URI::create)
                .orElse(Credentials.DEFAULT_BASE_URL),
            nonBlank(env.get("CONNECTOR_GREENHOUSE_PARTNER_SCOPES"))
                .map(s -> Arrays.asList(s.trim().split("[\\s,]+")))
                .orElse(List.of())));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
