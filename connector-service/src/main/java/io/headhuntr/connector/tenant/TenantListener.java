package io.headhuntr.connector.tenant;

import java.util.UUID;

/**
 * Told after a tenant changed state through {@link Activation}, so capabilities (the sync) can
 * start or stop their work for it without the tenant package knowing them; the composition root
 * passes the listeners in.
 */
public interface TenantListener {

  /** The tenant went live for the first time or again. */
  default void activated(UUID tenantId) {}

  /** The tenant was paused: its background work should stop until it resumes. */
  default void paused(UUID tenantId) {}

  /** A paused tenant is active again. */
  default void resumed(UUID tenantId) {}
}
