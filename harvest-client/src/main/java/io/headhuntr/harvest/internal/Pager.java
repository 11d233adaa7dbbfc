package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.ListPage;
import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Iterates a Harvest list page by page: it fetches a page only when asked for it and keeps one page
 * in memory. It follows {@code rel="next"} verbatim, and only within the client's origin so the key
 * is never sent to another host. One exception to verbatim: when only the first page was to be
 * counted, {@code skip_count=true} is added to the next links (Greenhouse echoes the request's
 * parameters, so they would otherwise ask for a count on every page).
 */
final class Pager<T> implements Iterator<ListPage<T>> {
  /** One page as fetched: its items and its {@code Link} relations as Greenhouse wrote them. */
  record Fetched<T>(List<T> items, Map<String, String> links) {}

  private static final Pattern PAGE = Pattern.compile("(?:^|&)page=(\\d+)(?:&|$)");

  private final URI origin;
  private final boolean skipCountAfterFirst;
  private final Function<URI, Fetched<T>> fetch;
  private URI next;
  private int number;

  Pager(
      URI first,
      int firstNumber,
      URI origin,
      boolean skipCountAfterFirst,
      Function<URI, Fetched<T>> fetch) {
    this.next = first;
    this.number = firstNumber;
    this.origin = origin;
    this.skipCountAfterFirst = skipCountAfterFirst;
    this.fetch = fetch;
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public ListPage<T> next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    URI current = next;
    Fetched<T> fetched = fetch.apply(current);
    String link = fetched.links().get("next");
    next = link == null ? null : followed(resolve(current, link));
    return new ListPage<>(number++, fetched.items(), lastPage(fetched.links().get("last")));
  }

  /** The items of {@code pages}, fetching a page only when the previous one is used up. */
  static <T> Iterator<T> items(Iterator<ListPage<T>> pages) {
    return new Iterator<>() {
      private Iterator<T> page = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && pages.hasNext()) {
          page = pages.next().items().iterator();
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
    };
  }

  private URI followed(URI link) {
    String query = link.getRawQuery();
    if (!skipCountAfterFirst || (query != null && query.matches("(^|.*&)skip_count=.*"))) {
      return link;
    }
    String s = link.toString();
    return URI.create(s + (query == null ? "?" : "&") + "skip_count=true");
  }

  /** The {@code page} of the {@code rel="last"} link (never followed, so any host will do). */
  private static OptionalInt lastPage(String link) {
    if (link == null) {
      return OptionalInt.empty();
    }
    String query;
    try {
      query = URI.create(link).getRawQuery();
    } catch (IllegalArgumentException e) {
      return OptionalInt.empty();
    }
    Matcher page = PAGE.matcher(query == null ? "" : query);
    return page.find() ? OptionalInt.of(Integer.parseInt(page.group(1))) : OptionalInt.of(1);
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
