package io.headhuntr.harvest;

import java.time.Instant;
import java.util.List;

/**
 * An interview planned in a job stage; some examples also carry {@code created_at}, {@code
 * updated_at} and {@code job_id}, kept here.
 */
public record Interview(
    long id,
    String name,
    boolean schedulable,
    Instant createdAt,
    Instant updatedAt,
    Long jobId,
    Integer estimatedMinutes,
    List<UserRef> defaultInterviewerUsers,
    InterviewKit interviewKit) {
  public Interview {
    defaultInterviewerUsers = Nulls.list(defaultInterviewerUsers);
  }
}
