package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The one write of a mirror table: any number of rows in one {@code INSERT .. SELECT FROM
 * unnest(..) ON CONFLICT DO UPDATE .. WHERE} statement, guarded by each row's {@code version}:
 * newer-or-equal replaces, older is ignored, a tombstone is never revived, and a NULL version (time
 * unknown) only replaces another NULL (see {@link MirrorStore#guardCondition}). Versions are
 * compared to the second: webhooks send whole seconds where Harvest sends milliseconds, so a
 * webhook of the same second as a polled state counts as equal (and wins as the later write).
 *
 * <p>Webhooks (one delivery or a claimed batch) and sync pages write through the same statements.
 * Each column travels as a {@code text[]} and is cast to the column's own type, read once from the
 * catalog, so a row is bound as a handful of arrays whatever its width.
 */
final class GuardedUpsert {
  private final String table;
  private final boolean revives;
  private final String idColumn;
  private final Map<List<String>, String> upsertSql = new ConcurrentHashMap<>();
  private final Map<List<String>, String> insertIfAbsentSql = new ConcurrentHashMap<>();
  private volatile Map<String, String> columnTypes;

  GuardedUpsert(String table, String idColumn) {
    this(table, idColumn, false);
  }

  /**
   * With {@code revives}: a tombstoned row comes back when a newer state than its tombstone arrives
   * (reference data, which Greenhouse can show again); people, applications and jobs never do.
   */
  GuardedUpsert(String table, String idColumn, boolean revives) {
    this.revives = revives;
    this.table = table;
    this.idColumn = idColumn;
  }

  /**
   * Rows for one statement, each value already in the text form PostgreSQL casts to the column's
   * type; the last row added with an id wins (one statement cannot touch a row twice). Preparing
   * rows needs no connection, so sync prepares a page while the previous one is written.
   */
  static final class Rows {
    private final List<String> columns;
    private final Map<Long, String[]> byId = new LinkedHashMap<>();

    Rows(List<String> columns) {
      this.columns = List.copyOf(columns);
    }

    /** Adds a row: {@code values} in the order of the columns (String, number, Boolean, ...). */
    Rows add(long id, Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(
            "expected " + columns.size() + " values, got " + values.length);
      }
      String[] text = new String[values.length];
      for (int i = 0; i < values.length; i++) {
        text[i] = text(values[i]);
      }
      byId.put(id, text);
      return this;
    }

    /** Adds a row given as column to value (in any order; every column present). */
    Rows add(long id, Map<String, Object> values) {
      return add(id, columns.stream().map(values::get).toArray());
    }

    int size() {
      return byId.size();
    }

    Set<Long> ids() {
      return byId.keySet();
    }

    private static String text(Object value) {
      if (value == null) {
        return null;
      }
      if (value instanceof String s) {
        return s;
      }
      if (value instanceof JsonNode node) {
        return node.isNull() ? null : MirrorJson.write(node);
      }
      if (value instanceof List<?> list) {
        // a bigint[] column (job ids)
        return list.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
      }
      if (value instanceof Instant || value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      throw new IllegalArgumentException("no text form for " + value.getClass().getSimpleName());
    }
  }

  /** A single-row {@link Rows} of these columns. */
  static Rows one(long id, Map<String, Object> values) {
    return new Rows(List.copyOf(values.keySet())).add(id, values);
  }

  /**
   * Inserts each of {@code items} unless mirrored, in one statement (its columns from {@code
   * columns}); the ids inserted.
   */
  <T> Set<Long> insertAllIfAbsent(
      Handle handle,
      UUID tenantId,
      Collection<T> items,
      ToLongFunction<T> id,
      Function<T, Map<String, Object>> columns) {
    return items.isEmpty()
        ? Set.of()
        : insertIfAbsent(handle, tenantId, rowsOf(items, id, columns));
  }

  /** {@code items} (at least one) as rows, their columns from {@code columns}. */
  static <T> Rows rowsOf(
      Collection<T> items, ToLongFunction<T> id, Function<T, Map<String, Object>> columns) {
    Rows all = null;
    for (T item : items) {
      Map<String, Object> v = columns.apply(item);
      long key = id.applyAsLong(item);
      all = all == null ? one(key, v) : all.add(key, v);
    }
    if (all == null) {
      throw new IllegalArgumentException("no rows");
    }
    return all;
  }

  /** Upserts one row ({@code values}: column to value, version included). */
  UpsertResult run(Handle handle, UUID tenantId, long id, Map<String, Object> values) {
    return upsert(handle, tenantId, one(id, values)).get(id);
  }

  /** Inserts the row unless one exists; see {@link #insertIfAbsent(Handle, UUID, Rows)}. */
  UpsertResult insertIfAbsent(Handle handle, UUID tenantId, long id, Map<String, Object> values) {
    return insertIfAbsent(handle, tenantId, one(id, values)).contains(id)
        ? UpsertResult.INSERTED
        : UpsertResult.KEPT_NEWER;
  }

  /** Upserts the rows in one statement; says for every id what happened to it. */
  Map<Long, UpsertResult> upsert(Handle handle, UUID tenantId, Rows rows) {
    Map<Long, UpsertResult> results = new HashMap<>();
    if (rows.size() == 0) {
      return results;
    }
    String sql = upsertSql.computeIfAbsent(rows.columns, c -> sql(handle, c, false));
    bind(handle.createQuery(sql), tenantId, rows)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getBoolean(2)))
        .forEach(
            e ->
                results.put(
                    e.getKey(), e.getValue() ? UpsertResult.INSERTED : UpsertResult.UPDATED));
    for (Long id : rows.ids()) {
      results.putIfAbsent(id, UpsertResult.KEPT_NEWER);
    }
    return results;
  }

  /**
   * Inserts the rows that do not exist yet, without touching (or locking) existing ones: for
   * objects payloads mention in passing, which many concurrent deliveries share. Returns the ids it
   * inserted.
   */
  Set<Long> insertIfAbsent(Handle handle, UUID tenantId, Rows rows) {
    if (rows.size() == 0) {
      return Set.of();
    }
    String sql = insertIfAbsentSql.computeIfAbsent(rows.columns, c -> sql(handle, c, true));
    return new HashSet<>(bind(handle.createQuery(sql), tenantId, rows).mapTo(Long.class).list());
  }

  private Query bind(Query query, UUID tenantId, Rows rows) {
    int n = rows.size();
    Long[] ids = rows.byId.keySet().toArray(new Long[0]);
    List<String[]> values = new ArrayList<>(rows.byId.values());
    query.bind("tenant_id", tenantId).bindArray("ids", Long.class, (Object[]) ids);
    for (int c = 0; c < rows.columns.size(); c++) {
      String[] column = new String[n];
      for (int r = 0; r < n; r++) {
        column[r] = values.get(r)[c];
      }
      query.bindArray("c" + c, String.class, (Object[]) column);
    }
    return query;
  }

  /** The statement for these columns (built once per column list: every write repeats it). */
  private String sql(Handle handle, List<String> columns, boolean onlyIfAbsent) {
    Map<String, String> types = columnTypes(handle);
    StringBuilder arrays = new StringBuilder("cast(:ids as bigint[])");
    StringBuilder names = new StringBuilder("id");
    StringBuilder selected = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      String type = types.get(columns.get(c));
      if (type == null) {
        throw new IllegalArgumentException(table + " has no column " + columns.get(c));
      }
      arrays.append(", cast(:c").append(c).append(" as text[])");
      names.append(", c").append(c);
      selected.append(", cast(x.c").append(c).append(" as ").append(type).append(')');
    }
    String insert =
        "insert into "
            + table
            + " as m (tenant_id, "
            + idColumn
            + ", "
            + String.join(", ", columns)
            + ", mirrored_at) select :tenant_id, x.id"
            + selected
            + ", now() from unnest("
            + arrays
            + ") as x("
            + names
            + ") on conflict (tenant_id, "
            + idColumn
            + ")";
    if (onlyIfAbsent) {
      return insert + " do nothing returning m." + idColumn;
    }
    String updates =
        columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
    return insert
        + " do update set "
        + updates
        + (revives ? ", deleted_at = null" : "")
        + ", mirrored_at = now() where "
        + (revives ? MirrorStore.revivingGuard("m") : MirrorStore.guardCondition("m"))
        + " returning m."
        + idColumn
        + ", (m.xmax = 0) as inserted";
  }

  private Map<String, String> columnTypes(Handle handle) {
    Map<String, String> types = columnTypes;
    if (types == null) {
      types =
          handle
              .createQuery(
                  "select attname, format_type(atttypid, atttypmod) from pg_attribute"
                      + " where attrelid = cast(:table as regclass) and attnum > 0"
                      + " and not attisdropped")
              .bind("table", table)
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .list()
              .stream()
              .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
      columnTypes = types;
    }
    return types;
  }
}
