package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Answers one cursor page of a v3 list: walks a source in id-descending order from the cursor's id,
 * keeps {@code per_page} matches, and writes {@code Link: <..?cursor=..>; rel="next"} when more
 * follow (contract section 8).
 */
final class V3Pages {
  private V3Pages() {}

  /** The rows of {@code map} below the query's cursor, highest id first. */
  static <T> Iterable<T> below(NavigableMap<Long, T> map, V3Query q) {
    return map.headMap(q.below(), false).descendingMap().values();
  }

  /** A small collection sorted by id, highest first. */
  static <T> List<T> descending(Collection<T> rows, ToLongFunction<T> id) {
    List<T> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(id).reversed());
    return sorted;
  }

  /**
   * Writes the page: matches of {@code keep} in {@code source} (id descending) below the cursor.
   * Call under the account's read lock.
   */
  static <T> void answer(
      Context ctx,
      V3Query q,
      Iterable<T> source,
      ToLongFunction<T> id,
      Predicate<T> keep,
      Function<T, JsonNode> render) {
    ArrayNode page = Json.array();
    long lastId = 0;
    boolean more = false;
    for (T row : source) {
      long rowId = id.applyAsLong(row);
      if (rowId >= q.below() || !keep.test(row)) {
        continue;
      }
      if (page.size() == q.perPage()) {
        more = true;
        break;
      }
      page.add(render.apply(row));
      lastId = rowId;
    }
    if (more) {
      String url =
          ctx.scheme() + "://" + ctx.host() + ctx.path() + "?cursor=" + q.next(lastId).encode();
      ctx.header("Link", "<" + url + ">; rel=\"next\"");
    }
    Respond.ok(ctx, page);
  }
}
