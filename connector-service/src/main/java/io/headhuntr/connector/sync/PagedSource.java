package io.headhuntr.connector.sync;

import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.ApplicationFilter;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.ListPage;
import io.headhuntr.harvest.PageOptions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A paged, incremental resource: its Harvest list from a watermark and a page, and how one page is
 * prepared for the mirror. Candidates carry their applications, so a backfill never lists them.
 */
interface PagedSource<T> {
  /** The list's pages from {@code page.firstPage()}, lazily. */
  Stream<ListPage<T>> list(HarvestClient client, Instant watermark, PageOptions page);

  PreparedPage prepare(List<T> page);

  static PagedSource<?> of(SyncResource resource) {
    return switch (resource) {
      case JOBS ->
          new PagedSource<Job>() {
            @Override
            public Stream<ListPage<Job>> list(
                HarvestClient client, Instant watermark, PageOptions page) {
              return client
                  .jobs()
                  .pages(
                      watermark == null ? JobFilter.all() : JobFilter.updatedAfter(watermark),
                      page);
            }

            @Override
            public PreparedPage prepare(List<Job> page) {
              return PageWriter.jobs(page);
            }
          };
      case CANDIDATES ->
          new PagedSource<Candidate>() {
            @Override
            public Stream<ListPage<Candidate>> list(
                HarvestClient client, Instant watermark, PageOptions page) {
              return client
                  .candidates()
                  .pages(CandidateFilter.builder().updatedAfter(watermark).build(), page);
            }

            @Override
            public PreparedPage prepare(List<Candidate> page) {
              return PageWriter.candidates(page);
            }
          };
      case APPLICATIONS ->
          new PagedSource<Application>() {
            @Override
            public Stream<ListPage<Application>> list(
                HarvestClient client, Instant watermark, PageOptions page) {
              return client
                  .applications()
                  .pages(ApplicationFilter.builder().lastActivityAfter(watermark).build(), page);
            }

            @Override
            public PreparedPage prepare(List<Application> page) {
              return PageWriter.applications(page);
            }
          };
      default -> throw new IllegalArgumentException(resource + " is not paged");
    };
  }
}
