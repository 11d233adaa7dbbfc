package io.headhuntr.harvest.internal;

import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Iterates a Harvest list page by page: it fetches a page only when the previous one is used up and
 * keeps one page in memory. It follows {@code rel="next"} verbatim, and only within the client's
 * origin so the key is never sent to another host.
 */
final class Pager<T> implements Iterator<T> {
  /** One page: its items and the next page's URL as Greenhouse wrote it. */
  record Page<T>(List<T> items, Optional<String> next) {}

  private final URI origin;
  private final Function<URI, Page<T>> fetch;
  private URI next;
  private Iterator<T> page = Collections.emptyIterator();

  Pager(URI first, URI origin, Function<URI, Page<T>> fetch) {
    this.next = first;
    this.origin = origin;
    this.fetch = fetch;
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext() && next != null) {
      URI current = next;
      Page<T> fetched = fetch.apply(current);
      page = fetched.items().iterator();
      next = fetched.next().map(link -> resolve(current, link)).orElse(null);
    }
    return page.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.next();
  }

  private URI resolve(URI current, String link) {
    URI target;
    try {
      target = current.resolve(URI.create(link));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Greenhouse's next-page link is not a valid URL", e);
    }
    boolean sameOrigin =
        origin.getScheme().equalsIgnoreCase(String.valueOf(target.getScheme()))
            && origin.getHost().equalsIgnoreCase(String.valueOf(target.getHost()))
            && port(target) == port(origin);
    if (!sameOrigin) {
      throw new IllegalStateException(
          "Greenhouse's next-page link points to another host ("
              + target.getHost()
              + "); refusing to send the API key there. Check the client's baseUrl.");
    }
    return target;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
