package io.headhuntr.connector.credentials;

/**
 * What a tenant saved to reach Greenhouse: a Harvest v1 API key, Harvest v3 client credentials or a
 * partner authorization; neither prints its secret (at most its last four characters).
 */
public sealed interface GreenhouseCredential permits ApiKey, ClientCredentials, PartnerGrant {
  /** The API's name of a v1 API key. */
  String V1_API_KEY = "v1_api_key";

  /** The API's name of v3 client credentials. */
  String V3_CLIENT_CREDENTIALS = "v3_client_credentials";

  /** The API's name of a "Connect Greenhouse" (partner OAuth) authorization. */
  String V3_PARTNER = "v3_partner";

  /** {@link #V1_API_KEY}, {@link #V3_CLIENT_CREDENTIALS} or {@link #V3_PARTNER}. */
  String kind();

  /** The secret's last four characters, the most of it ever shown. */
  String last4();
}
