package io.headhuntr.harvest;

import java.util.List;

/** Changes to an application; null fields are left alone. */
public record ApplicationPatch(
    Long sourceId,
    Referrer referrer,
    Long recruiterId,
    Long coordinatorId,
    List<CustomFieldValue> customFields,
    Long prospectPoolId,
    Long prospectStageId,
    RejectionDetailsPatch rejectionDetails) {
  /** A patch that changes nothing; combine with the {@code with...} methods. */
  public static ApplicationPatch empty() {
    return new ApplicationPatch(null, null, null, null, null, null, null, null);
  }

  public ApplicationPatch withSource(long id) {
    return new ApplicationPatch(
        id,
        referrer,
        recruiterId,
        coordinatorId,
        customFields,
        prospectPoolId,
        prospectStageId,
        rejectionDetails);
  }

  public ApplicationPatch withReferrer(Referrer r) {
    return new ApplicationPatch(
        sourceId,
        r,
        recruiterId,
        coordinatorId,
        customFields,
        prospectPoolId,
        prospectStageId,
        rejectionDetails);
  }

  /**
   * Moves a prospect application to a pool and stage (note: {@code prospect_stage_id} here, not
   * {@code prospect_pool_stage_id}).
   */
  public ApplicationPatch withProspectPool(Long poolId, Long stageId) {
    return new ApplicationPatch(
        sourceId,
        referrer,
        recruiterId,
        coordinatorId,
        customFields,
        poolId,
        stageId,
        rejectionDetails);
  }
}
