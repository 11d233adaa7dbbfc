package io.headhuntr.harvest;

import java.util.List;

/** The kit of an interview: HTML content and questions. */
public record InterviewKit(long id, String content, List<InterviewQuestion> questions) {
  public InterviewKit {
    questions = questions == null ? List.of() : List.copyOf(questions);
  }
}
