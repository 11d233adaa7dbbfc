package io.headhuntr.harvest.v3;

/**
 * The body of {@code POST /v3/applications/{id}/convert_to_candidate}: turns a prospect application
 * into a candidate application on {@code job_id}, optionally in a given stage.
 */
public record ConvertToCandidate(long jobId, Long toJobInterviewStageId) {
  public ConvertToCandidate {
    Checks.id("job_id", jobId);
    Checks.optionalId("to_job_interview_stage_id", toJobInterviewStageId);
  }

  /** Converts onto this job, in its first stage. */
  public static ConvertToCandidate onJob(long jobId) {
    return new ConvertToCandidate(jobId, null);
  }

  /** Converts onto this job, in this job interview stage. */
  public static ConvertToCandidate onJob(long jobId, long toJobInterviewStageId) {
    return new ConvertToCandidate(jobId, toJobInterviewStageId);
  }
}
