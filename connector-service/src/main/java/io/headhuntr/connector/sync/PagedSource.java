package io.headhuntr.connector.sync;

import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.ApplicationFilter;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.PageOptions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * A paged, incremental resource: its Harvest list from a watermark and a page, and how one page is
 * written to the mirror. Candidates carry their applications, so a backfill never lists them.
 */
interface PagedSource<T> {
  Stream<T> list(HarvestClient client, Instant watermark, PageOptions page);

  void write(Handle h, MirrorStore mirror, UUID tenant, List<T> page);

  static PagedSource<?> of(SyncResource resource, PageWriter writer) {
    return switch (resource) {
      case JOBS ->
          new PagedSource<Job>() {
            @Override
            public Stream<Job> list(HarvestClient client, Instant watermark, PageOptions page) {
              return client
                  .jobs()
                  .list(
                      watermark == null ? JobFilter.all() : JobFilter.updatedAfter(watermark),
                      page);
            }

            @Override
            public void write(Handle h, MirrorStore mirror, UUID tenant, List<Job> page) {
              for (Job j : page) {
                mirror.jobs().upsertJob(h, tenant, HarvestRows.job(j));
              }
            }
          };
      case CANDIDATES ->
          new PagedSource<Candidate>() {
            @Override
            public Stream<Candidate> list(
                HarvestClient client, Instant watermark, PageOptions page) {
              return client
                  .candidates()
                  .list(CandidateFilter.builder().updatedAfter(watermark).build(), page);
            }

            @Override
            public void write(Handle h, MirrorStore mirror, UUID tenant, List<Candidate> page) {
              writer.candidates(h, tenant, page);
            }
          };
      case APPLICATIONS ->
          new PagedSource<Application>() {
            @Override
            public Stream<Application> list(
                HarvestClient client, Instant watermark, PageOptions page) {
              return client
                  .applications()
                  .list(ApplicationFilter.builder().lastActivityAfter(watermark).build(), page);
            }

            @Override
            public void write(Handle h, MirrorStore mirror, UUID tenant, List<Application> page) {
              writer.applications(h, tenant, page);
            }
          };
      default -> throw new IllegalArgumentException(resource + " is not paged");
    };
  }
}
