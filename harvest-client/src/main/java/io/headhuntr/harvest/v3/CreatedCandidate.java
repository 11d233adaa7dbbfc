package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code POST /v3/candidates}: the new candidate and, when one was asked for, the new
 * application.
 */
public record CreatedCandidate(Candidate candidate, Optional<Application> application) {
  public CreatedCandidate {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(application, "application");
  }

  @JsonCreator
  static CreatedCandidate fromJson(
      @JsonProperty("candidate") Candidate candidate,
      @JsonProperty("application") Application application) {
    if (candidate == null) {
      throw new IllegalArgumentException("a candidate create answered without a candidate");
    }
    return new CreatedCandidate(candidate, Optional.ofNullable(application));
  }
}
