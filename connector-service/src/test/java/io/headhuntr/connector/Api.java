package io.headhuntr.connector;

import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.headhuntr.connector.greenhouse.HarvestV3Adapter;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The Harvest version a test tenant speaks to the sandbox, for end-to-end tests that run once per
 * version ({@code @EnumSource(Api.class)}): {@link #V1} with the sandbox's API key, as the setup
 * guide has it; {@link #V3} with client credentials of the sandbox's demo custom client ({@code
 * sandbox-custom}), writes made with {@code sub} = the acting user, as a tenant that connected with
 * "Harvest V3 (OAuth)" credentials. The sandbox serves both over one account, so a test may keep
 * reading Greenhouse's side through v1 whichever version the connector speaks.
 */
public enum Api {
  V1("v1"),
  V3("v3");

  private final String label;

  Api(String label) {
    this.label = label;
  }

  /** The tenant's Greenhouse as the connector builds it for this version's credential. */
  public Greenhouse greenhouse(GreenhouseSandbox sandbox, String apiKey) {
    return greenhouse(sandbox, apiKey, sandbox.baseUrl(), Duration.ofSeconds(30));
  }

  /**
   * The tenant's Greenhouse with its Harvest calls sent to {@code harvestUrl} (the sandbox, or a
   * proxy in front of it; v3 tokens are always asked of the sandbox) and given up after {@code
   * requestTimeout}.
   */
  public Greenhouse greenhouse(
      GreenhouseSandbox sandbox, String apiKey, URI harvestUrl, Duration requestTimeout) {
    return greenhouse(sandbox, apiKey, sandbox.demoCustomClient(), harvestUrl, requestTimeout);
  }

  /** Over v1 with {@code apiKey}, over v3 with this custom {@code client}. */
  public Greenhouse greenhouse(GreenhouseSandbox sandbox, String apiKey, ClientCredentials client) {
    return greenhouse(sandbox, apiKey, client, sandbox.baseUrl(), Duration.ofSeconds(30));
  }

  private Greenhouse greenhouse(
      GreenhouseSandbox sandbox,
      String apiKey,
      ClientCredentials client,
      URI harvestUrl,
      Duration requestTimeout) {
    if (this == V1) {
      return new HarvestV1Adapter(
          HarvestClient.builder()
              .apiKey(HarvestApiKey.of(apiKey))
              .baseUrl(harvestUrl)
              .connectTimeout(Duration.ofSeconds(2))
              .requestTimeout(requestTimeout)
              .build());
    }
    return new HarvestV3Adapter(
        HarvestV3Client.builder()
            .tokenSource(
                TokenSource.clientCredentials(
                    client.clientId(), ClientSecret.of(client.secret().value())))
            .harvestUrl(harvestUrl)
            .authUrl(sandbox.baseUrl())
            .connectTimeout(Duration.ofSeconds(2))
            .requestTimeout(requestTimeout)
            .build());
  }

  /** The body of {@code PUT .../greenhouse/credential} that connects a tenant this way. */
  public Map<String, Object> credential(GreenhouseSandbox sandbox, String apiKey) {
    return credential(sandbox, apiKey, sandbox.demoCustomClient());
  }

  /** The credential body with {@code apiKey} over v1, with this custom {@code client} over v3. */
  public Map<String, Object> credential(
      GreenhouseSandbox sandbox, String apiKey, ClientCredentials client) {
    if (this == V1) {
      return Map.of("api_key", apiKey, "base_url", sandbox.baseUrl().toString());
    }
    return Map.of(
        "kind", "v3_client_credentials",
        "client_id", client.clientId(),
        "client_secret", client.secret().value(),
        "base_url", sandbox.baseUrl().toString(),
        "auth_url", sandbox.baseUrl().toString());
  }

  /** Harvest calls the sandbox counted for this version's credential (v1 key, v3 client). */
  public long requestCount(GreenhouseSandbox sandbox, String apiKey) {
    return sandbox.requestCount(this == V1 ? apiKey : sandbox.demoCustomClient().clientId());
  }

  /** Calls the sandbox refused with 429 for this version's credential. */
  public long rateLimitedCount(GreenhouseSandbox sandbox, String apiKey) {
    return sandbox.rateLimitedCount(this == V1 ? apiKey : sandbox.demoCustomClient().clientId());
  }

  /** A Harvest path of this version: {@code /v1/candidates} or {@code /v3/candidates}. */
  public String path(String resource) {
    return "/" + label + resource;
  }

  @Override
  public String toString() {
    return label;
  }
}
