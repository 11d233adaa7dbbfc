package io.headhuntr.harvest;

import java.util.List;

/**
 * An application to add to a candidate (with {@code job_id}) or a prospect application ({@code
 * prospect: "true"}); also embedded in {@link NewCandidate}.
 */
public record NewApplication(
    Long jobId,
    String prospect,
    List<Long> jobIds,
    Long sourceId,
    Long initialStageId,
    Referrer referrer,
    Long recruiterId,
    Long coordinatorId,
    Long prospectPoolId,
    Long prospectPoolStageId,
    Long prospectOwnerId,
    Long prospectiveDepartmentId,
    Long prospectiveOfficeId,
    List<NewAttachment> attachments) {
  /** A candidate application on a job; add details with the {@code with...} methods. */
  public static NewApplication forJob(long jobId) {
    return new NewApplication(
        jobId, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * A prospect application on zero or more jobs. Greenhouse wants {@code "prospect": "true"} as a
   * string: a boolean was reported to answer 201 with an error body.
   */
  public static NewApplication prospect(List<Long> jobIds) {
    return new NewApplication(
        null, "true", jobIds, null, null, null, null, null, null, null, null, null, null, null);
  }

  public NewApplication withSource(long id) {
    return new NewApplication(
        jobId,
        prospect,
        jobIds,
        id,
        initialStageId,
        referrer,
        recruiterId,
        coordinatorId,
        prospectPoolId,
        prospectPoolStageId,
        prospectOwnerId,
        prospectiveDepartmentId,
        prospectiveOfficeId,
        attachments);
  }

  public NewApplication withInitialStage(long id) {
    return new NewApplication(
        jobId,
        prospect,
        jobIds,
        sourceId,
        id,
        referrer,
        recruiterId,
        coordinatorId,
        prospectPoolId,
        prospectPoolStageId,
        prospectOwnerId,
        prospectiveDepartmentId,
        prospectiveOfficeId,
        attachments);
  }

  public NewApplication withReferrer(Referrer r) {
    return new NewApplication(
        jobId,
        prospect,
        jobIds,
        sourceId,
        initialStageId,
        r,
        recruiterId,
        coordinatorId,
        prospectPoolId,
        prospectPoolStageId,
        prospectOwnerId,
        prospectiveDepartmentId,
        prospectiveOfficeId,
        attachments);
  }

  public NewApplication withRecruiterAndCoordinator(Long recruiter, Long coordinator) {
    return new NewApplication(
        jobId,
        prospect,
        jobIds,
        sourceId,
        initialStageId,
        referrer,
        recruiter,
        coordinator,
        prospectPoolId,
        prospectPoolStageId,
        prospectOwnerId,
        prospectiveDepartmentId,
        prospectiveOfficeId,
        attachments);
  }

  /** Pool and stage of a prospect application; the stage must belong to the pool. */
  public NewApplication withProspectPool(Long poolId, Long stageId) {
    return new NewApplication(
        jobId,
        prospect,
        jobIds,
        sourceId,
        initialStageId,
        referrer,
        recruiterId,
        coordinatorId,
        poolId,
        stageId,
        prospectOwnerId,
        prospectiveDepartmentId,
        prospectiveOfficeId,
        attachments);
  }

  public NewApplication withProspectOwner(long userId) {
    return new NewApplication(
        jobId,
        prospect,
        jobIds,
        sourceId,
        initialStageId,
        referrer,
        recruiterId,
        coordinatorId,
        prospectPoolId,
        prospectPoolStageId,
        userId,
        prospectiveDepartmentId,
        prospectiveOfficeId,
        attachments);
  }

  /** Prospective department and office; an office requires a department. */
  public NewApplication withProspectiveDepartmentAndOffice(Long departmentId, Long officeId) {
    return new NewApplication(
        jobId,
        prospect,
        jobIds,
        sourceId,
        initialStageId,
        referrer,
        recruiterId,
        coordinatorId,
        prospectPoolId,
        prospectPoolStageId,
        prospectOwnerId,
        departmentId,
        officeId,
        attachments);
  }

  public NewApplication withAttachments(List<NewAttachment> files) {
    return new NewApplication(
        jobId,
        prospect,
        jobIds,
        sourceId,
        initialStageId,
        referrer,
        recruiterId,
        coordinatorId,
        prospectPoolId,
        prospectPoolStageId,
        prospectOwnerId,
        prospectiveDepartmentId,
        prospectiveOfficeId,
        files);
  }
}
