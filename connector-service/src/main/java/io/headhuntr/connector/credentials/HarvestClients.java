package io.headhuntr.connector.credentials;

import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link HarvestClient} per tenant credential, built on first use and kept (so one rate-limit
 * pacer per credential); a newly saved credential replaces the client.
 */
public final class HarvestClients implements TenantHarvest {
  private record Cached(Instant credentialUpdatedAt, HarvestClient client) {}

  private final Credentials credentials;
  private final ConcurrentMap<UUID, Cached> clients = new ConcurrentHashMap<>();

  public HarvestClients(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Optional<HarvestClient> clientFor(UUID tenantId) {
    Optional<StoredCredential> credential = credentials.load(tenantId);
    if (credential.isEmpty()) {
      clients.remove(tenantId);
      return Optional.empty();
    }
    StoredCredential current = credential.get();
    Cached cached =
        clients.compute(
            tenantId,
            (id, old) ->
                old != null && old.credentialUpdatedAt().equals(current.updatedAt())
                    ? old
                    : new Cached(current.updatedAt(), build(current)));
    return Optional.of(cached.client());
  }

  private static HarvestClient build(StoredCredential credential) {
    return HarvestClient.builder()
        .apiKey(HarvestApiKey.of(credential.apiKey().value()))
        .baseUrl(credential.baseUrl())
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(30))
        .build();
  }
}
