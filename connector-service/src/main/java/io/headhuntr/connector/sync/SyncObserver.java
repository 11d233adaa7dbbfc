package io.headhuntr.connector.sync;

import java.util.UUID;

/** Hears each committed page (metrics, tests that stop a pass part-way). */
public interface SyncObserver {
  SyncObserver NONE = (tenant, resource, page, records) -> {};

  /** Called after the page's transaction committed; {@code page} is 1-based within the pass. */
  void pageCommitted(UUID tenant, SyncResource resource, int page, int records);
}
