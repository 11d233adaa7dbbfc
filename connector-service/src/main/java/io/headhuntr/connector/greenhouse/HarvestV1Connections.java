package io.headhuntr.connector.greenhouse;

import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.credentials.StoredCredential;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each tenant's Greenhouse over Harvest v1: one {@link HarvestClient} per tenant credential, built
 * on first use and kept (so one rate-limit pacer per credential); a newly saved credential replaces
 * it.
 */
public final class HarvestV1Connections implements GreenhouseConnections {
  private record Cached(Instant credentialUpdatedAt, Greenhouse greenhouse) {}

  private final Credentials credentials;
  private final ConcurrentMap<UUID, Cached> connections = new ConcurrentHashMap<>();

  public HarvestV1Connections(Credentials credentials) {
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
                    : new Cached(current.updatedAt(), new HarvestV1Adapter(build(current))));
    return Optional.of(cached.greenhouse());
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
