package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/** Applications, read side; writes are on {@link ActingApplications}. */
public class Applications {
  final HarvestTransport transport;

  Applications(HarvestTransport transport) {
    this.transport = transport;
  }

  public Stream<Application> list(ApplicationFilter filter) {
    return list(filter, PageOptions.defaults());
  }

  public Stream<Application> list(ApplicationFilter filter, PageOptions page) {
    return transport.list(
        "/v1/applications",
        page.query(filter.query()),
        page.perPage(),
        page.skipCount(),
        Application.class);
  }

  /**
   * The same list as its pages, lazily: each page's number and, when the options count it ({@link
   * PageOptions#countingFirstPage()}), the last page's number.
   */
  public Stream<ListPage<Application>> pages(ApplicationFilter filter, PageOptions page) {
    return transport.pages(
        "/v1/applications",
        page.query(filter.query()),
        page.perPage(),
        page.skipCount(),
        page.countFirstPage(),
        page.firstPage(),
        Application.class);
  }

  public Application get(long id) {
    return transport.get("/v1/applications/" + id, Map.of(), Application.class);
  }
}
