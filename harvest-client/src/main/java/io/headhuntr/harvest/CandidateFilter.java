package io.headhuntr.harvest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Filters for {@code GET /v1/candidates}. With {@code email} Greenhouse ignores {@code
 * candidate_ids}; with {@code job_id} prospects are not returned; {@code candidate_ids} returns at
 * most 50.
 */
public record CandidateFilter(
    Instant createdAfter,
    Instant createdBefore,
    Instant updatedAfter,
    Instant updatedBefore,
    Long jobId,
    String email,
    List<Long> candidateIds) {

  public static CandidateFilter all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  Map<String, String> query() {
    return new QueryParams()
        .put("created_after", createdAfter)
        .put("created_before", createdBefore)
        .put("updated_after", updatedAfter)
        .put("updated_before", updatedBefore)
        .put("job_id", jobId)
        .put("email", email)
        .put("candidate_ids", candidateIds)
        .toMap();
  }

  /** Builds a {@link CandidateFilter}; unset values are not sent. */
  public static final class Builder {
    private Instant createdAfter;
    private Instant createdBefore;
    private Instant updatedAfter;
    private Instant updatedBefore;
    private Long jobId;
    private String email;
    private List<Long> candidateIds;

    public Builder createdAfter(Instant t) {
      this.createdAfter = t;
      return this;
    }

    public Builder createdBefore(Instant t) {
      this.createdBefore = t;
      return this;
    }

    public Builder updatedAfter(Instant t) {
      this.updatedAfter = t;
      return this;
    }

    public Builder updatedBefore(Instant t) {
      this.updatedBefore = t;
      return this;
    }

    public Builder jobId(long id) {
      this.jobId = id;
      return this;
    }

    public Builder email(String value) {
      this.email = value;
      return this;
    }

    public Builder candidateIds(List<Long> ids) {
      if (ids != null && ids.size() > 50) {
        throw new IllegalArgumentException(
            "candidate_ids takes at most 50 ids (Greenhouse returns at most 50), got "
                + ids.size());
      }
      this.candidateIds = ids == null ? null : List.copyOf(ids);
      return this;
    }

    public CandidateFilter build() {
      return new CandidateFilter(
          createdAfter, createdBefore, updatedAfter, updatedBefore, jobId, email, candidateIds);
    }
  }
}
