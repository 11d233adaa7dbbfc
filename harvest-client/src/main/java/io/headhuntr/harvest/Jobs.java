package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/** Jobs ({@code /v1/jobs}). */
public final class Jobs {
  private final HarvestTransport transport;

  Jobs(HarvestTransport transport) {
    this.transport = transport;
  }

  public Stream<Job> list(JobFilter filter) {
    return list(filter, PageOptions.defaults());
  }

  public Stream<Job> list(JobFilter filter, PageOptions page) {
    return transport.list(
        "/v1/jobs", page.query(filter.query()), page.perPage(), page.skipCount(), Job.class);
  }

  /**
   * The same list as its pages, lazily: each page's number and, when the options count it ({@link
   * PageOptions#countingFirstPage()}), the last page's number.
   */
  public Stream<ListPage<Job>> pages(JobFilter filter, PageOptions page) {
    return transport.pages(
        "/v1/jobs",
        page.query(filter.query()),
        page.perPage(),
        page.skipCount(),
        page.countFirstPage(),
        page.firstPage(),
        Job.class);
  }

  public Job get(long id) {
    return transport.get("/v1/jobs/" + id, Map.of(), Job.class);
  }
}
