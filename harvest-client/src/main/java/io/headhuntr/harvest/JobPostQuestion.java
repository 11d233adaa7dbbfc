package io.headhuntr.harvest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A question on a job post's application form. */
public record JobPostQuestion(
    boolean required,
    @JsonProperty("private") boolean isPrivate,
    String label,
    String name,
    String type,
    List<JobPostQuestionValue> values,
    String description) {
  public JobPostQuestion {
    values = Nulls.list(values);
  }
}
