package io.headhuntr.connector.webhooks.apply;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users, stages, sources, jobs, departments and pools a worker has seen already mirrored, so a
 * burst of deliveries naming the same ones (a bulk reject) skips their insert-if-absent. A key is
 * added only when the database answered "already there" (a committed row), never for a row this
 * transaction inserted, so a rollback cannot leave a wrong entry. Bounded: cleared when full.
 */
final class KnownReferences {
  private static final int MAX_ENTRIES = 100_000;

  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  boolean contains(UUID tenantId, String kind, long id) {
    return keys.contains(key(tenantId, kind, id));
  }

  void add(UUID tenantId, String kind, long id) {
    if (keys.size() >= MAX_ENTRIES) {
      keys.clear();
    }
    keys.add(key(tenantId, kind, id));
  }

  private static String key(UUID tenantId, String kind, long id) {
    return tenantId + ":" + kind + ":" + id;
  }
}
