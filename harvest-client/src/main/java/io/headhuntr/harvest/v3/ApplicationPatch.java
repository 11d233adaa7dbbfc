package io.headhuntr.harvest.v3;

import java.util.List;

/**
 * The body of {@code PATCH /v3/applications/{id}}: only the fields set are sent. The prospect pool
 * stage is {@code prospect_stage_id} here (not {@code prospect_pool_stage_id} as on create).
 * Rejecting, hiring and moving are their own calls on {@link ActingApplications}.
 */
public record ApplicationPatch(
    Long sourceId,
    Long referrerId,
    Long recruiterId,
    Long coordinatorId,
    Long prospectPoolId,
    Long prospectStageId,
    List<CustomFieldValue> customFields) {
  public ApplicationPatch {
    Checks.optionalId("source_id", sourceId);
    Checks.optionalId("referrer_id", referrerId);
    Checks.optionalId("recruiter_id", recruiterId);
    Checks.optionalId("coordinator_id", coordinatorId);
    Checks.optionalId("prospect_pool_id", prospectPoolId);
    Checks.optionalId("prospect_stage_id", prospectStageId);
    customFields = Nulls.copyOrNull(customFields);
    if (sourceId == null
        && referrerId == null
        && recruiterId == null
        && coordinatorId == null
        && prospectPoolId == null
        && prospectStageId == null
        && customFields == null) {
      throw new IllegalArgumentException("an application patch needs at least one field to change");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects an {@link ApplicationPatch}; {@link #build()} checks it. */
  public static final class Builder {
    private Long sourceId;
    private Long referrerId;
    private Long recruiterId;
    private Long coordinatorId;
    private Long prospectPoolId;
    private Long prospectStageId;
    private List<CustomFieldValue> customFields;

    private Builder() {}

    public Builder source(long id) {
      this.sourceId = id;
      return this;
    }

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

    /** Moves a prospect application to this pool and, optionally (null), one of its stages. */
    public Builder prospectPool(long poolId, Long stageId) {
      this.prospectPoolId = poolId;
      this.prospectStageId = stageId;
      return this;
    }

    /** Moves a prospect application to this stage of its current pool. */
    public Builder prospectStage(long stageId) {
      this.prospectStageId = stageId;
      return this;
    }

    public Builder customFields(List<CustomFieldValue> values) {
      this.customFields = values;
      return this;
    }

    public ApplicationPatch build() {
      return new ApplicationPatch(
          sourceId,
          referrerId,
          recruiterId,
          coordinatorId,
          prospectPoolId,
          prospectStageId,
          customFields);
    }
  }
}
