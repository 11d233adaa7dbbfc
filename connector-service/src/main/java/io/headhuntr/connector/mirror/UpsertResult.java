package io.headhuntr.connector.mirror;

/** What a guarded upsert did to one mirror row. */
public enum UpsertResult {
  /** The row did not exist and was created. */
  INSERTED,
  /** The row existed and the incoming data was as new or newer, so it replaced it. */
  UPDATED,
  /** The stored row is newer (or tombstoned): nothing changed. */
  KEPT_NEWER;

  public boolean changed() {
    return this != KEPT_NEWER;
  }
}
