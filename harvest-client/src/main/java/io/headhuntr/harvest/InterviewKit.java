package io.headhuntr.harvest;

import java.util.List;

/** The kit of an interview: HTML content and questions. */
public record InterviewKit(long id, String content, List<InterviewQuestion> questions) {
  public InterviewKit {
    questions = Nulls.list(questions);
  }
}
