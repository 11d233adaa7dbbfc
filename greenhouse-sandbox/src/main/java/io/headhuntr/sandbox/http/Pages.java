package io.headhuntr.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.sandbox.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers a Harvest list: scans the source once, renders only the requested page, and writes the
 * {@code Link} header (next, prev, last; {@code skip_count=true} drops last) with the request's
 * filters echoed in every URL.
 */
public final class Pages {
  /** Links point at the origin the request came to (scheme and Host header). */
  public Pages() {}

  /** The page's items (still model objects) and what the Link header needs. */
  public record Page<T>(List<T> items, boolean hasNext, int lastPage) {}

  /** Selects the page; counts all matches only when the caller wants {@code last}. */
  public static <T> Page<T> select(ListQuery q, Iterable<T> source, Predicate<T> filter) {
    long offset = (long) (q.page() - 1) * q.perPage();
    List<T> items = new ArrayList<>(Math.min(q.perPage(), 64));
    long matched = 0;
    boolean hasNext = false;
    for (T item : source) {
      if (!filter.test(item)) {
        continue;
      }
      if (matched >= offset && items.size() < q.perPage()) {
        items.add(item);
      } else if (matched >= offset + q.perPage()) {
        hasNext = true;
        if (q.skipCount()) {
          break;
        }
      }
      matched++;
    }
    int lastPage = (int) Math.max(1, (matched + q.perPage() - 1) / q.perPage());
    return new Page<>(items, hasNext, lastPage);
  }

  /** Writes the Link header and the rendered page. */
  public <T> void answer(ListQuery q, Page<T> page, Function<T, JsonNode> render) {
    ArrayNode array = Json.array();
    for (T item : page.items()) {
      array.add(render.apply(item));
    }
    List<String> links = new ArrayList<>();
    if (page.hasNext()) {
      links.add(link(q, q.page() + 1, "next"));
    }
    if (q.page() > 1) {
      links.add(link(q, q.page() - 1, "prev"));
    }
    if (!q.skipCount()) {
      links.add(link(q, page.lastPage(), "last"));
    }
    if (!links.isEmpty()) {
      q.ctx().header("Link", String.join(", ", links));
    }
    Respond.ok(q.ctx(), array);
  }

  private String link(ListQuery q, int page, String rel) {
    StringBuilder url =
        new StringBuilder(q.ctx().scheme())
            .append("://")
            .append(q.ctx().host())
            .append(q.ctx().path())
            .append('?');
    for (Map.Entry<String, List<String>> param : q.ctx().queryParamMap().entrySet()) {
      String name = param.getKey();
      if (name.equals("page") || name.equals("per_page")) {
        continue;
      }
      for (String value : param.getValue()) {
        url.append(encode(name)).append('=').append(encode(value)).append('&');
      }
    }
    url.append("page=").append(page).append("&per_page=").append(q.perPage());
    return "<" + url + ">; rel=\"" + rel + "\"";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
