package io.headhuntr.connector.push;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether a tenant's Greenhouse connection waits for a person to connect it again (a "Connect
 * Greenhouse" authorization Greenhouse no longer honours), and why. The composition root answers it
 * from the credentials capability, so pushes read no other capability's tables.
 */
@FunctionalInterface
public interface ReconnectCheck {
  /** For workers whose tenants never need a reconnect (API keys, client credentials). */
  ReconnectCheck NEVER = tenantId -> Optional.empty();

  /** The recorded reason the tenant's connection needs a reconnect; empty while it works. */
  Optional<String> reason(UUID tenantId);
}
