package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/** Job stages: all, those of one job, or one. */
public final class JobStages {
  private final HarvestTransport transport;

  JobStages(HarvestTransport transport) {
    this.transport = transport;
  }

  public Stream<JobStage> list(JobStageFilter filter) {
    return list(filter, PageOptions.defaults());
  }

  public Stream<JobStage> list(JobStageFilter filter, PageOptions page) {
    return transport.list(
        "/v1/job_stages",
        page.query(filter.query()),
        page.perPage(),
        page.skipCount(),
        JobStage.class);
  }

  /**
   * The stages of a job, in pipeline order as Greenhouse returns them ({@code priority} 0 first).
   */
  public Stream<JobStage> listForJob(long jobId) {
    return listForJob(jobId, JobStageFilter.all());
  }

  public Stream<JobStage> listForJob(long jobId, JobStageFilter filter) {
    return listForJob(jobId, filter, PageOptions.defaults());
  }

  public Stream<JobStage> listForJob(long jobId, JobStageFilter filter, PageOptions page) {
    return transport.list(
        "/v1/jobs/" + jobId + "/stages",
        page.query(filter.query()),
        page.perPage(),
        page.skipCount(),
        JobStage.class);
  }

  public JobStage get(long id) {
    return transport.get("/v1/job_stages/" + id, Map.of(), JobStage.class);
  }
}
