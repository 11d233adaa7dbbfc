package io.headhuntr.sandbox.store;

/** A stage of a job's interview plan; priority 0 is the first stage. */
public final class JobStage {
  public final long id;
  public final long jobId;
  public String name;
  public int priority;
  public final long createdAt;
  public long updatedAt;
  public boolean active = true;

  public JobStage(long id, long jobId, String name, int priority, long createdAt) {
    this.id = id;
    this.jobId = jobId;
    this.name = name;
    this.priority = priority;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }
}
