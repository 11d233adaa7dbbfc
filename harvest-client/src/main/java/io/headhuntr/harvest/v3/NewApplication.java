package io.headhuntr.harvest.v3;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /v3/applications} for a candidate application: a candidate on a job.
 * Prospect applications are {@link NewProspectApplication}s.
 */
public record NewApplication(
    long candidateId,
    long jobId,
    Long initialStageId,
    Long sourceId,
    Long referrerId,
    Long recruiterId,
    Long coordinatorId,
    Instant createdAt,
    List<CustomFieldValue> customFields) {
  public NewApplication {
    Checks.id("candidate_id", candidateId);
    Checks.id("job_id", jobId);
    Checks.optionalId("initial_stage_id", initialStageId);
    Checks.optionalId("source_id", sourceId);
    Checks.optionalId("referrer_id", referrerId);
    Checks.optionalId("recruiter_id", recruiterId);
    Checks.optionalId("coordinator_id", coordinatorId);
    customFields = Nulls.copyOrNull(customFields);
  }

  /** Puts this candidate on this job; add the rest on the builder. */
  public static Builder builder(long candidateId, long jobId) {
    return new Builder(candidateId, jobId);
  }

  /** Collects a {@link NewApplication}; {@link #build()} checks it. */
  public static final class Builder {
    private final long candidateId;
    private final long jobId;
    private Long initialStageId;
    private Long sourceId;
    private Long referrerId;
    private Long recruiterId;
    private Long coordinatorId;
    private Instant createdAt;
    private List<CustomFieldValue> customFields;

    private Builder(long candidateId, long jobId) {
      this.candidateId = candidateId;
      this.jobId = jobId;
    }

    /** The job interview stage the application starts in (default: the first). */
    public Builder initialStage(long jobInterviewStageId) {
      this.initialStageId = jobInterviewStageId;
      return this;
    }

    public Builder source(long sourceId) {
      this.sourceId = sourceId;
      return this;
    }

    /** Who gets credit for the referral (a user id). */
    public Builder referrer(long userId) {
      this.referrerId = userId;
      return this;
    }

    public Builder recruiter(long userId) {
      this.recruiterId = userId;
      return this;
    }

    public Builder coordinator(long userId) {
      this.coordinatorId = userId;
      return this;
    }

    /** When the person applied, if not now. */
    public Builder createdAt(Instant value) {
      this.createdAt = value;
      return this;
    }

    public Builder customFields(List<CustomFieldValue> values) {
      this.customFields = values;
      return this;
    }

    public NewApplication build() {
      return new NewApplication(
          candidateId,
          jobId,
          initialStageId,
          sourceId,
          referrerId,
          recruiterId,
          coordinatorId,
          createdAt,
          customFields);
    }
  }
}
