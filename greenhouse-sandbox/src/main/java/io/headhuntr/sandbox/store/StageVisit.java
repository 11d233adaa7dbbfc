package io.headhuntr.sandbox.store;

/**
 * One stay of an application in a job interview stage (a row of Harvest v3's application_stages);
 * exitedAt is 0 while it is the application's current stage. Mutable only through {@link Account}.
 */
public final class StageVisit {
  public final long id;
  public final long applicationId;
  public final long jobStageId;
  public final long enteredAt;
  public long exitedAt;
  public long updatedAt;

  public StageVisit(long id, long applicationId, long jobStageId, long enteredAt) {
    this.id = id;
    this.applicationId = applicationId;
    this.jobStageId = jobStageId;
    this.enteredAt = enteredAt;
    this.updatedAt = enteredAt;
  }

  public boolean current() {
    return exitedAt == 0;
  }
}
