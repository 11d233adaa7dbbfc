package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of {@code POST /v3/applications} for a prospect application: always sent with {@code
 * "prospect": true} (a JSON boolean in v3) and never with a {@code job_id}; {@code job_ids} may be
 * empty.
 */
@JsonPropertyOrder({"candidate_id", "prospect"})
public record NewProspectApplication(
    long candidateId,
    List<Long> jobIds,
    Long prospectPoolId,
    Long prospectPoolStageId,
    Long prospectOwnerId,
    Long prospectiveDepartmentId,
    Long prospectiveOfficeId,
    Long sourceId,
    Long referrerId,
    Long recruiterId,
    Long coordinatorId,
    List<CustomFieldValue> customFields) {
  public NewProspectApplication {
    Checks.id("candidate_id", candidateId);
    jobIds = Nulls.copyOrNull(jobIds);
    if (jobIds != null) {
      jobIds.forEach(id -> Checks.id("job_ids", id));
    }
    Checks.optionalId("prospect_pool_id", prospectPoolId);
    Checks.optionalId("prospect_pool_stage_id", prospectPoolStageId);
    Checks.optionalId("prospect_owner_id", prospectOwnerId);
    Checks.optionalId("prospective_department_id", prospectiveDepartmentId);
    Checks.optionalId("prospective_office_id", prospectiveOfficeId);
    Checks.optionalId("source_id", sourceId);
    Checks.optionalId("referrer_id", referrerId);
    Checks.optionalId("recruiter_id", recruiterId);
    Checks.optionalId("coordinator_id", coordinatorId);
    customFields = Nulls.copyOrNull(customFields);
  }

  /** Always true: this is what makes the application a prospect application on the wire. */
  @JsonProperty("prospect")
  public boolean prospect() {
    return true;
  }

  /** A prospect application for this candidate; add jobs, pool and owner on the builder. */
  public static Builder builder(long candidateId) {
    return new Builder(candidateId);
  }

  /** Collects a {@link NewProspectApplication}; {@link #build()} checks it. */
  public static final class Builder {
    private final long candidateId;
    private List<Long> jobIds;
    private Long prospectPoolId;
    private Long prospectPoolStageId;
    private Long prospectOwnerId;
    private Long prospectiveDepartmentId;
    private Long prospectiveOfficeId;
    private Long sourceId;
    private Long referrerId;
    private Long recruiterId;
    private Long coordinatorId;
    private List<CustomFieldValue> customFields;

    private Builder(long candidateId) {
      this.candidateId = candidateId;
    }

    /** The jobs the person is a prospect for (none: a jobless prospect). */
    public Builder jobs(List<Long> ids) {
      this.jobIds = ids;
      return this;
    }

    /** The prospect pool and, optionally (null), its stage. */
    public Builder pool(long poolId, Long stageId) {
      this.prospectPoolId = poolId;
      this.prospectPoolStageId = stageId;
      return this;
    }

    public Builder owner(long userId) {
      this.prospectOwnerId = userId;
      return this;
    }

    public Builder prospectiveDepartment(long departmentId) {
      this.prospectiveDepartmentId = departmentId;
      return this;
    }

    public Builder prospectiveOffice(long officeId) {
      this.prospectiveOfficeId = officeId;
      return this;
    }

    public Builder source(long id) {
      this.sourceId = id;
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

    public Builder customFields(List<CustomFieldValue> values) {
      this.customFields = values;
      return this;
    }

    public NewProspectApplication build() {
      return new NewProspectApplication(
          candidateId,
          jobIds,
          prospectPoolId,
          prospectPoolStageId,
          prospectOwnerId,
          prospectiveDepartmentId,
          prospectiveOfficeId,
          sourceId,
          referrerId,
          recruiterId,
          coordinatorId,
          customFields);
    }
  }
}
