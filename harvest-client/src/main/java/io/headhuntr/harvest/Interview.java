package io.headhuntr.harvest;

import java.util.List;

/** An interview planned in a job stage. */
public record Interview(
    long id,
    String name,
    boolean schedulable,
    Integer estimatedMinutes,
    List<UserRef> defaultInterviewerUsers,
    InterviewKit interviewKit) {
  public Interview {
    defaultInterviewerUsers = Nulls.list(defaultInterviewerUsers);
  }
}
