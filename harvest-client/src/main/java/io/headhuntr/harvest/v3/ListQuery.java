package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The filters every Harvest v3 list takes ({@code ids}, {@code created_at}, {@code updated_at},
 * {@code per_page}); each resource's query adds its own. Queries are immutable: every method
 * returns a new query, and setting a filter again replaces it. They go on the first request only;
 * later pages follow Greenhouse's {@code next} link.
 */
public abstract class ListQuery<Q extends ListQuery<Q>> {
  /** What this client asks for when no page size is set: Greenhouse's maximum. */
  public static final int DEFAULT_PER_PAGE = 500;

  static final int MAX_PER_PAGE = 500;

  private final Map<String, String> params;

  ListQuery(Map<String, String> params) {
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A query of the same kind holding {@code params}. */
  abstract Q with(Map<String, String> params);

  final Q set(String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(params);
    next.put(name, Objects.requireNonNull(value, name));
    return with(next);
  }

  final Q setIds(String name, Collection<Long> ids) {
    Checks.ids(name, Objects.requireNonNull(ids, name));
    ids.forEach(id -> Checks.id(name, Objects.requireNonNull(id, name)));
    return set(name, ids.stream().distinct().map(String::valueOf).collect(Collectors.joining(",")));
  }

  /** Only these records (at most 50 ids). */
  public Q ids(Collection<Long> ids) {
    return setIds("ids", ids);
  }

  /** Only records created in this range. */
  public Q createdAt(TimeFilter range) {
    return set("created_at", range.encode());
  }

  /** Only records updated in this range, e.g. {@code updatedAt(TimeFilter.gte(checkpoint))}. */
  public Q updatedAt(TimeFilter range) {
    return set("updated_at", range.encode());
  }

  /** Records per page, 1 to 500 (default {@value #DEFAULT_PER_PAGE}). */
  public Q perPage(int size) {
    if (size < 1 || size > MAX_PER_PAGE) {
      throw new IllegalArgumentException(
          "per_page must be between 1 and " + MAX_PER_PAGE + ", got " + size);
    }
    return set("per_page", String.valueOf(size));
  }

  /** The query string of the first request, with {@code per_page} always set. */
  Map<String, String> toQuery() {
    Map<String, String> query = new LinkedHashMap<>(params);
    query.putIfAbsent("per_page", String.valueOf(DEFAULT_PER_PAGE));
    return Collections.unmodifiableMap(query);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((ListQuery<?>) o).params.equals(params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    // An e-mail filter is personal data: logs show that it is set, not its value.
    Map<String, String> shown = new LinkedHashMap<>(params);
    shown.replaceAll((k, v) -> k.contains("email") ? "<hidden>" : v);
    return getClass().getSimpleName() + shown;
  }
}
