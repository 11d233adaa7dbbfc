package io.headhuntr.connector.greenhouse;

import java.util.Optional;
import java.util.UUID;

/** Where capabilities get a tenant's {@link Greenhouse}: built over its saved credential. */
@FunctionalInterface
public interface GreenhouseConnections {
  /** The tenant's Greenhouse, or empty when no credential is saved. */
  Optional<Greenhouse> forTenant(UUID tenantId);
}
