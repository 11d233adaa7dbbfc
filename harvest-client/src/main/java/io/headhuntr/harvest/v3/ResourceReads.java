package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.harvest.internal.V3Transport;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reads every Harvest v3 resource has: a lazy list, its pages, resuming from a {@code next}
 * link, and reading by id through {@code ?ids=} (v3 has no {@code GET /{id}}).
 */
abstract class ResourceReads<T, Q extends ListQuery<Q>> {
  final V3Transport transport;
  final String path;
  private final Class<T> type;
  private final ToLongFunction<T> idOf;

  ResourceReads(V3Transport transport, String path, Class<T> type, ToLongFunction<T> idOf) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.path = path;
    this.type = type;
    this.idOf = idOf;
  }

  /**
   * Every record matching {@code query}, newest id first, fetched one page at a time as the stream
   * is read; close the stream (or read it to the end) when done.
   */
  public final Stream<T> list(Q query) {
    return transport.list(path, query.toQuery(), type);
  }

  /**
   * The same listing as pages, lazily; keep a page's {@code next} to continue later with {@link
   * #resume}.
   */
  public final Stream<CursorPage<T>> pages(Q query) {
    return transport.pages(path, query.toQuery(), type);
  }

  /**
   * Continues a listing of this resource from a {@code next} link an earlier page gave (sent
   * verbatim: a cursor carries the first request's filters).
   */
  public final Stream<CursorPage<T>> resume(URI next) {
    Objects.requireNonNull(next, "next");
    if (next.getPath() == null || !next.getPath().endsWith(path)) {
      throw new IllegalArgumentException(
          "this next link continues " + next.getPath() + ", not " + path);
    }
    return transport.resume(next, type);
  }

  /** The record with this id, if it exists (and the token may see it). */
  public final Optional<T> get(long id) {
    Checks.id("ids", id);
    try (Stream<CursorPage<T>> pages =
        transport.pages(path, Map.of("ids", String.valueOf(id)), type)) {
      // Only the first page: should the filter ever be ignored, we do not walk the whole list.
      return pages
          .findFirst()
          .flatMap(
              page -> page.items().stream().filter(r -> idOf.applyAsLong(r) == id).findFirst());
    }
  }

  /**
   * The records with these ids that exist, lazily, asking for 50 ids per request (Greenhouse's
   * limit); duplicates are asked for once. Missing ids are simply absent.
   */
  public final Stream<T> getAll(Collection<Long> ids) {
    List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    distinct.forEach(id -> Checks.id("ids", Objects.requireNonNull(id, "ids")));
    List<List<Long>> batches = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += Checks.MAX_IDS) {
      batches.add(distinct.subList(from, Math.min(distinct.size(), from + Checks.MAX_IDS)));
    }
    return batches.stream()
        .flatMap(
            batch ->
                transport.list(
                    path,
                    Map.of(
                        "ids",
                        batch.stream().map(String::valueOf).collect(Collectors.joining(",")),
                        "per_page",
                        String.valueOf(Checks.MAX_IDS)),
                    type));
  }

  /** A write whose answer carries no record (204, or a message) as {@code actor}. */
  final void writeWithoutAnswer(String method, String path, Object body, Actor actor) {
    transport.write(method, path, body, actor, JsonNode.class);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + path + "]";
  }
}
