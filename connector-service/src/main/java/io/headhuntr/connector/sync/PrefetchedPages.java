package io.headhuntr.connector.sync;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Cuts a lazy Harvest list into pages of {@code size}, prepares each for the mirror, and reads the
 * next page while the caller writes the current one, so fetching and writing overlap. At most three
 * pages are in memory (one being written, one ready, one being read); requests are the same as
 * without prefetching.
 */
final class PrefetchedPages<T> implements AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
  private final Thread reader;

  PrefetchedPages(Iterator<T> items, int size, Function<List<T>, PreparedPage> prepare) {
    this.reader = new Thread(() -> read(items, size, prepare), "sync-prefetch");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(Iterator<T> items, int size, Function<List<T>, PreparedPage> prepare) {
    try {
      while (true) {
        List<T> page = new ArrayList<>(size);
        while (page.size() < size && items.hasNext()) {
          page.add(items.next());
        }
        if (page.isEmpty()) {
          ready.put(END);
          return;
        }
        ready.put(prepare.apply(page));
        if (page.size() < size) {
          ready.put(END);
          return;
        }
      }
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
  Optional<PreparedPage> next() {
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
    return Optional.of((PreparedPage) item);
  }

  /** Stops reading ahead (after a failure or when the caller gives up). */
  @Override
  public void close() {
    reader.interrupt();
  }
}
