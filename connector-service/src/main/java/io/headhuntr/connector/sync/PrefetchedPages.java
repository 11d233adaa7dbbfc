package io.headhuntr.connector.sync;

import io.headhuntr.connector.greenhouse.CallerWaits;
import io.headhuntr.connector.greenhouse.Page;
import io.headhuntr.connector.greenhouse.ResumeToken;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads a lazy Greenhouse listing page by page, prepares each for the mirror, and reads the next
 * page while the caller writes the current one, so fetching and writing overlap. At most three
 * pages are in memory (one being written, one ready, one being read); requests are the same as
 * without prefetching.
 */
final class PrefetchedPages<T> implements AutoCloseable {
  /**
   * A page ready to write: the token that resumes the listing after it, the listing's page count if
   * counted, its rows.
   */
  record Ready(Optional<ResumeToken> next, OptionalInt lastPage, PreparedPage page) {}

  private static final Object END = new Object();

  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
  private final Thread reader;

  PrefetchedPages(Iterator<Page<T>> pages, Function<List<T>, PreparedPage> prepare) {
    // the reader's calls wait no longer than the pass's own would
    Optional<java.time.Duration> limit = CallerWaits.current();
    Runnable reading = () -> read(pages, prepare);
    this.reader =
        new Thread(
            limit.isEmpty()
                ? reading
                : () ->
                    CallerWaits.atMost(
                        limit.get(),
                        () -> {
                          reading.run();
                          return null;
                        }),
            "sync-prefetch");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(Iterator<Page<T>> pages, Function<List<T>, PreparedPage> prepare) {
    try {
      while (pages.hasNext()) {
        Page<T> page = pages.next();
        ready.put(new Ready(page.next(), page.pagesInListing(), prepare.apply(page.items())));
      }
      ready.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      try {
        ready.put(e);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next page, or empty after the last one; a failure of the read is thrown here. */
  Optional<Ready> next() {
    Object item;
    try {
      item = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sync interrupted", e);
    }
    if (item == END) {
      return Optional.empty();
    }
    if (item instanceof RuntimeException failure) {
      throw failure;
    }
    return Optional.of((Ready) item);
  }

  /** Stops reading ahead (after a failure or when the caller gives up). */
  @Override
  public void close() {
    reader.interrupt();
  }
}
