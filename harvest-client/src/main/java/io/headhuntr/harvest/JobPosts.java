package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Job posts: all of them, one, all posts of a job, and the single post of a job (pre-2016 call).
 */
public final class JobPosts {
  private final HarvestTransport transport;

  JobPosts(HarvestTransport transport) {
    this.transport = transport;
  }

  public Stream<JobPost> list(JobPostFilter filter) {
    return list(filter, PageOptions.defaults());
  }

  public Stream<JobPost> list(JobPostFilter filter, PageOptions page) {
    return transport.list(
        "/v1/job_posts",
        page.query(filter.query()),
        page.perPage(),
        page.skipCount(),
        JobPost.class);
  }

  public JobPost get(long id) {
    return transport.get("/v1/job_posts/" + id, Map.of(), JobPost.class);
  }

  /**
   * All posts of a job ({@code GET /v1/jobs/{id}/job_posts}); documented without paging, Link still
   * honoured.
   */
  public Stream<JobPost> listForJob(long jobId) {
    return listForJob(jobId, PageOptions.defaults());
  }

  public Stream<JobPost> listForJob(long jobId, PageOptions page) {
    return transport.list(
        "/v1/jobs/" + jobId + "/job_posts",
        page.query(Map.of()),
        page.perPage(),
        page.skipCount(),
        JobPost.class);
  }

  /** The single post of a job ({@code GET /v1/jobs/{id}/job_post}). */
  public JobPost getForJob(long jobId) {
    return transport.get("/v1/jobs/" + jobId + "/job_post", Map.of(), JobPost.class);
  }
}
