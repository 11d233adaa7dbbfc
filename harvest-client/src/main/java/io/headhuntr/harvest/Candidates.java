package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Candidates and prospects, read side. Writes are on {@link ActingCandidates}, reached through
 * {@link HarvestClient#onBehalfOf}.
 */
public class Candidates {
  final HarvestTransport transport;

  Candidates(HarvestTransport transport) {
    this.transport = transport;
  }

  /**
   * Candidates (and prospects, unless filtered by job) matching the filter, lazily, 500 per page.
   */
  public Stream<Candidate> list(CandidateFilter filter) {
    return list(filter, PageOptions.defaults());
  }

  public Stream<Candidate> list(CandidateFilter filter, PageOptions page) {
    return transport.list(
        "/v1/candidates",
        page.query(filter.query()),
        page.perPage(),
        page.skipCount(),
        Candidate.class);
  }

  /**
   * The same list as its pages, lazily: each page's number and, when the options count it ({@link
   * PageOptions#countingFirstPage()}), the last page's number.
   */
  public Stream<ListPage<Candidate>> pages(CandidateFilter filter, PageOptions page) {
    return transport.pages(
        "/v1/candidates",
        page.query(filter.query()),
        page.perPage(),
        page.skipCount(),
        page.countFirstPage(),
        page.firstPage(),
        Candidate.class);
  }

  /** One candidate or prospect; a record created moments ago may 404 for a while. */
  public Candidate get(long id) {
    return transport.get("/v1/candidates/" + id, Map.of(), Candidate.class);
  }

  /** A candidate's notes, e-mails and activities. */
  public ActivityFeed activityFeed(long id) {
    return transport.get("/v1/candidates/" + id + "/activity_feed", Map.of(), ActivityFeed.class);
  }
}
