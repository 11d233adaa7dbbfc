package io.headhuntr.connector.greenhouse;

import io.headhuntr.connector.credentials.ClientCredentials;
import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.credentials.PartnerClient;
import io.headhuntr.connector.credentials.PartnerGrant;
import io.headhuntr.connector.credentials.StoredCredential;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each tenant's Greenhouse over the Harvest version its credential speaks: a {@link HarvestClient}
 * in a {@link HarvestV1Adapter} for an API key, a {@link HarvestV3Client} (client credentials) in a
 * {@link HarvestV3Adapter} for a v3 client, and the operator's partner client over the tenant's
 * database-kept tokens (writes as whoever authorized it) for a "Connect Greenhouse" connection. One
 * client per tenant credential, built on first use and kept (so one rate-limit pacer and one token
 * cache per credential); a newly saved credential replaces it.
 */
public final class HarvestConnections implements GreenhouseConnections {
  private record Cached(Instant credentialUpdatedAt, Greenhouse greenhouse) {}

  private final Credentials credentials;
  private final ConcurrentMap<UUID, Cached> connections = new ConcurrentHashMap<>();

  public HarvestConnections(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Optional<Greenhouse> forTenant(UUID tenantId) {
    Optional<StoredCredential> credential = credentials.load(tenantId);
    if (credential.isEmpty()) {
      connections.remove(tenantId);
      return Optional.empty();
    }
    StoredCredential current = credential.get();
    Cached cached =
        connections.compute(
            tenantId,
            (id, old) ->
                old != null && old.credentialUpdatedAt().equals(current.updatedAt())
                    ? old
                    : new Cached(current.updatedAt(), build(tenantId, current)));
    return Optional.of(cached.greenhouse());
  }

  private Greenhouse build(UUID tenantId, StoredCredential credential) {
    Optional<String> refused = credentials.refusal(credential);
    if (refused.isPresent()) {
      return DisallowedGreenhouse.refusing(refused.get());
    }
    if (credential.credential() instanceof PartnerGrant) {
      PartnerClient partner =
          credentials
              .partnerClient()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "tenant "
                              + tenantId
                              + " connected with a Greenhouse partner client, and none is"
                              + " configured now (CONNECTOR_GREENHOUSE_PARTNER_CLIENT_ID)"));
      PartnerTokenStore tokens =
          new PartnerTokenStore(credentials.partnerTokens(tenantId), Clock.systemUTC());
      return ReconnectWatch.watching(
          HarvestV3Adapter.writingAsAuthorizedUser(
              PartnerConsent.client(partner, credential.baseUrl(), tokens)),
          tokens::releaseHeld,
          reason -> credentials.markNeedsReconnect(tenantId, reason));
    }
    if (credential.credential() instanceof ClientCredentials client) {
      return new HarvestV3Adapter(
          HarvestV3Client.builder()
              .tokenSource(
                  TokenSource.clientCredentials(
                      client.clientId(), ClientSecret.of(client.clientSecret().value())))
              .harvestUrl(credential.baseUrl())
              .authUrl(client.authUrl())
              .connectTimeout(Duration.ofSeconds(5))
              .requestTimeout(Duration.ofSeconds(30))
              .build());
    }
    return new HarvestV1Adapter(buildV1(credential));
  }

  private static HarvestClient buildV1(StoredCredential credential) {
    return HarvestClient.builder()
        .apiKey(HarvestApiKey.of(credential.apiKey().value()))
        .baseUrl(credential.baseUrl())
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(30))
        .build();
  }
}
