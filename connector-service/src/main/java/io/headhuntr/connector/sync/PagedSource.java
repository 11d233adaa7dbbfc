package io.headhuntr.connector.sync;

import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.ListingStart;
import io.headhuntr.connector.greenhouse.Page;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A paged, incremental resource: its listing from a watermark and a resume token, and how one page
 * is prepared for the mirror. Candidates carry their applications, so a backfill never lists them.
 */
interface PagedSource<T> {
  /** The listing's pages from {@code start}, lazily. */
  Stream<Page<T>> list(Greenhouse greenhouse, ListingStart start);

  PreparedPage prepare(List<T> page);

  static PagedSource<?> of(SyncResource resource) {
    return switch (resource) {
      case JOBS -> source(Greenhouse::jobsChangedSince, PageWriter::jobs);
      case CANDIDATES -> source(Greenhouse::candidatesChangedSince, PageWriter::candidates);
      case APPLICATIONS -> source(Greenhouse::applicationsActiveSince, PageWriter::applications);
      default -> throw new IllegalArgumentException(resource + " is not paged");
    };
  }

  private static <T> PagedSource<T> source(
      BiFunction<Greenhouse, ListingStart, Stream<Page<T>>> list,
      Function<List<T>, PreparedPage> prepare) {
    return new PagedSource<>() {
      @Override
      public Stream<Page<T>> list(Greenhouse greenhouse, ListingStart start) {
        return list.apply(greenhouse, start);
      }

      @Override
      public PreparedPage prepare(List<T> page) {
        return prepare.apply(page);
      }
    };
  }
}
