package io.headhuntr.sandbox.store;

/** A job post (job board listing); jobId 0 is a prospect post; active false means deleted. */
public final class JobPost {
  public final long id;
  public long jobId;
  public String title;
  public String location;
  public long officeId;
  public boolean internal;
  public boolean external = true;
  public boolean live;
  public boolean active = true;
  public String content;
  public String internalContent;
  public final long createdAt;
  public long updatedAt;
  public long firstPublishedAt;

  public JobPost(long id, long jobId, String title, long createdAt) {
    this.id = id;
    this.jobId = jobId;
    this.title = title;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }
}
