package io.headhuntr.connector.mirror;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One {@code INSERT .. ON CONFLICT DO UPDATE .. WHERE} statement for a mirror table, guarded by the
 * row's {@code version}: newer-or-equal replaces, older is ignored, a tombstone is never revived,
 * and a NULL version (time unknown) only replaces another NULL. Versions are compared to the
 * second: webhooks send whole seconds where Harvest sends milliseconds, so a webhook of the same
 * second as a polled state counts as equal (and wins as the later write).
 */
final class GuardedUpsert {
  private final String table;
  private final boolean revives;
  private final String idColumn;
  private final Set<String> jsonColumns;
  private final Set<String> arrayColumns;
  private final Map<List<String>, String> upsertSql = new ConcurrentHashMap<>();
  private final Map<List<String>, String> insertIfAbsentSql = new ConcurrentHashMap<>();

  GuardedUpsert(String table, String idColumn, Set<String> jsonColumns, Set<String> arrayColumns) {
    this(table, idColumn, jsonColumns, arrayColumns, false);
  }

  /**
   * With {@code revives}: a tombstoned row comes back when a newer state than its tombstone arrives
   * (reference data and jobs, which Greenhouse can show again); people and applications never do.
   */
  GuardedUpsert(
      String table,
      String idColumn,
      Set<String> jsonColumns,
      Set<String> arrayColumns,
      boolean revives) {
    this.revives = revives;
    this.table = table;
    this.idColumn = idColumn;
    this.jsonColumns = jsonColumns;
    this.arrayColumns = arrayColumns;
  }

  /** Runs the upsert of {@code values} (column to value, version included) for one row. */
  UpsertResult run(Handle handle, UUID tenantId, long id, Map<String, Object> values) {
    return run(handle, tenantId, id, values, false);
  }

  /**
   * Inserts the row unless one exists, without touching (or locking) an existing one: for objects a
   * payload mentions in passing, which many concurrent deliveries share.
   */
  UpsertResult insertIfAbsent(Handle handle, UUID tenantId, long id, Map<String, Object> values) {
    return run(handle, tenantId, id, values, true);
  }

  private UpsertResult run(
      Handle handle, UUID tenantId, long id, Map<String, Object> values, boolean onlyIfAbsent) {
    Map<String, Object> all = new LinkedHashMap<>(values);
    String sql =
        (onlyIfAbsent ? insertIfAbsentSql : upsertSql)
            .computeIfAbsent(List.copyOf(all.keySet()), columns -> sql(columns, onlyIfAbsent));
    Query update = handle.createQuery(sql).bind("tenant_id", tenantId).bind("id", id);
    for (Map.Entry<String, Object> e : all.entrySet()) {
      if (arrayColumns.contains(e.getKey())) {
        update.bindArray(e.getKey(), Long.class, (List<?>) e.getValue());
      } else {
        update.bind(e.getKey(), e.getValue());
      }
    }
    return update
        .map((rs, ctx) -> rs.getBoolean("inserted"))
        .findOne()
        .map(inserted -> inserted ? UpsertResult.INSERTED : UpsertResult.UPDATED)
        .orElse(UpsertResult.KEPT_NEWER);
  }

  /** The statement for these columns (built once per column list: deliveries repeat them). */
  private String sql(List<String> columns, boolean onlyIfAbsent) {
    String insertColumns = String.join(", ", columns);
    String placeholders = columns.stream().map(this::placeholder).collect(Collectors.joining(", "));
    String updates =
        columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
    String insert =
        "insert into "
            + table
            + " (tenant_id, "
            + idColumn
            + ", "
            + insertColumns
            + ", mirrored_at) values (:tenant_id, :id, "
            + placeholders
            + ", now()) on conflict (tenant_id, "
            + idColumn
            + ")";
    return onlyIfAbsent
        ? insert + " do nothing returning true as inserted"
        : insert
            + " do update set "
            + updates
            + (revives ? ", deleted_at = null" : "")
            + ", mirrored_at = now() where "
            + (revives ? MirrorStore.revivingGuard(table) : MirrorStore.guardCondition(table))
            + " returning (xmax = 0) as inserted";
  }

  private String placeholder(String column) {
    return jsonColumns.contains(column) ? "cast(:" + column + " as jsonb)" : ":" + column;
  }
}
