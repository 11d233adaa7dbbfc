package io.headhuntr.harvest;

import java.time.Instant;
import java.util.List;

/** A job post (HARVEST-V1 section 6.4); {@code jobId == null} means a prospect post. */
public record JobPost(
    long id,
    String title,
    JobPostLocation location,
    Boolean internal,
    Boolean external,
    Boolean active,
    Boolean live,
    Instant firstPublishedAt,
    Long jobId,
    String content,
    String internalContent,
    Instant updatedAt,
    Instant createdAt,
    Long demographicQuestionSetId,
    List<JobPostQuestion> questions) {
  public JobPost {
    questions = Nulls.list(questions);
  }
}
