package io.headhuntr.connector.credentials;

import io.headhuntr.harvest.HarvestClient;
import java.util.Optional;
import java.util.UUID;

/** The Harvest client of a tenant, built over its stored credential; one per credential. */
public interface TenantHarvest {
  /** The tenant's client, or empty when no credential is saved. */
  Optional<HarvestClient> clientFor(UUID tenantId);
}
