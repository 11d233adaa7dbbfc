package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.v3.CursorPage;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Iterates a Harvest v3 list page by page, fetching a page only when asked for it. It follows
 * {@code Link rel="next"} verbatim, but only to the client's own origin (the Bearer token must not
 * go elsewhere) and only when the link carries the cursor alone (anything else would be refused by
 * Greenhouse, or restart the listing).
 */
final class CursorPager<T> implements Iterator<CursorPage<T>> {
  /** One page as fetched: its items and its {@code Link} relations as Greenhouse wrote them. */
  record Fetched<T>(List<T> items, Map<String, String> links) {}

  private final URI origin;
  private final Function<URI, Fetched<T>> fetch;
  private URI next;

  CursorPager(URI first, URI origin, Function<URI, Fetched<T>> fetch) {
    this.next = first;
    this.origin = origin;
    this.fetch = fetch;
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public CursorPage<T> next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    URI current = next;
    Fetched<T> fetched = fetch.apply(current);
    String link = fetched.links().get("next");
    next = link == null ? null : checkedNext(origin, resolve(current, link));
    return new CursorPage<>(fetched.items(), Optional.ofNullable(next));
  }

  /**
   * {@code link} if it may be followed: same scheme, host and port as {@code origin}, and a query
   * that is exactly one {@code cursor} parameter.
   */
  static URI checkedNext(URI origin, URI link) {
    boolean sameOrigin =
        origin.getScheme().equalsIgnoreCase(String.valueOf(link.getScheme()))
            && origin.getHost().equalsIgnoreCase(String.valueOf(link.getHost()))
            && port(link) == port(origin);
    if (!sameOrigin) {
      throw new IllegalStateException(
          "the next-page link points to another origin ("
              + link.getScheme()
              + "://"
              + link.getHost()
              + "); refusing to send the token there. Check the client's harvestUrl.");
    }
    String query = link.getRawQuery();
    if (query == null || !query.startsWith("cursor=") || query.contains("&")) {
      throw new IllegalStateException(
          "a next-page link must carry the cursor alone, got parameters "
              + parameterNames(query)
              + " on "
              + link.getRawPath());
    }
    return link;
  }

  private static String parameterNames(String query) {
    if (query == null) {
      return "[]";
    }
    return java.util.Arrays.stream(query.split("&"))
        .map(p -> p.split("=", 2)[0])
        .toList()
        .toString();
  }

  private static URI resolve(URI current, String link) {
    try {
      return current.resolve(URI.create(link));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Greenhouse's next-page link is not a valid URL", e);
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
