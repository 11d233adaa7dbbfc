package io.headhuntr.harvest;

import java.time.Instant;
import java.util.Map;

/**
 * Filters for {@code GET /v1/applications}. There is no {@code updated_after}: use {@code
 * last_activity_after}. {@code job_id} returns candidates and prospects; an unknown {@code status}
 * returns an empty list.
 */
public record ApplicationFilter(
    Instant createdAfter,
    Instant createdBefore,
    Instant lastActivityAfter,
    Long jobId,
    String status) {

  public ApplicationFilter {
    if (status != null && !status.matches("active|converted|hired|rejected")) {
      throw new IllegalArgumentException(
          "status must be active, converted, hired or rejected (Greenhouse silently returns nothing otherwise), got "
              + status);
    }
  }

  public static ApplicationFilter all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  Map<String, String> query() {
    return new QueryParams()
        .put("created_after", createdAfter)
        .put("created_before", createdBefore)
        .put("last_activity_after", lastActivityAfter)
        .put("job_id", jobId)
        .put("status", status)
        .toMap();
  }

  /** Builds an {@link ApplicationFilter}; unset values are not sent. */
  public static final class Builder {
    private Instant createdAfter;
    private Instant createdBefore;
    private Instant lastActivityAfter;
    private Long jobId;
    private String status;

    public Builder createdAfter(Instant t) {
      this.createdAfter = t;
      return this;
    }

    public Builder createdBefore(Instant t) {
      this.createdBefore = t;
      return this;
    }

    public Builder lastActivityAfter(Instant t) {
      this.lastActivityAfter = t;
      return this;
    }

    public Builder jobId(long id) {
      this.jobId = id;
      return this;
    }

    public Builder status(String value) {
      this.status = value;
      return this;
    }

    public ApplicationFilter build() {
      return new ApplicationFilter(createdAfter, createdBefore, lastActivityAfter, jobId, status);
    }
  }
}
