package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** The interview stages of jobs ({@code GET /v3/job_interview_stages}). */
public final class JobInterviewStages extends ResourceReads<JobInterviewStage, JobPartQuery> {
  JobInterviewStages(V3Transport transport) {
    super(transport, "/v3/job_interview_stages", JobInterviewStage.class, JobInterviewStage::id);
  }
}
