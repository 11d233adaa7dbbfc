package io.headhuntr.sandbox.store;

import java.util.List;
import java.util.Map;

/**
 * An application of a candidate to one job, or a prospect application to zero or more jobs. Ids of
 * referenced objects are 0 when absent; mutable only through {@link Account}.
 */
public final class Application {
  public final long id;
  public long candidateId;
  public final boolean prospect;
  public final long appliedAt;
  public long rejectedAt;
  public long hiredAt;
  public long lastActivityAt;
  public long sourceId;
  public long creditedToId;
  public long recruiterId;
  public long coordinatorId;
  public long rejectionReasonId;
  public String rejectionNote;
  public List<Long> jobIds = List.of();
  public long jobPostId;
  public String status = "active";
  public long currentStageId;
  public long prospectPoolId;
  public long prospectStageId;
  public long prospectOwnerId;
  public long prospectiveDepartmentId;
  public long prospectiveOfficeId;
  public String locationAddress;
  public List<Attachment> attachments = List.of();
  public Map<String, String> customFields = Map.of();

  /** The id of this rejection's rejection_details row (0 when not rejected). */
  public long rejectionId;

  public long rejectedByUserId;

  /** Ids of the {@link StageVisit}s of this application, oldest first. */
  public List<Long> stageVisitIds = List.of();

  /** Epoch millis before which the application 404s (asynchronous creation); 0 = visible. */
  public long visibleFrom;

  public Application(long id, long candidateId, boolean prospect, long appliedAt) {
    this.id = id;
    this.candidateId = candidateId;
    this.prospect = prospect;
    this.appliedAt = appliedAt;
    this.lastActivityAt = appliedAt;
  }

  public long jobId() {
    return jobIds.isEmpty() ? 0 : jobIds.get(0);
  }
}
