package io.headhuntr.sandbox.store;

/** An opening (headcount) of a job; closedAt 0 and applicationId 0 when open. */
public final class Opening {
  public final long id;
  public final String openingId;
  public String status = "open";
  public final long openedAt;
  public long closedAt;
  public long applicationId;
  public NamedRef closeReason;

  public Opening(long id, String openingId, long openedAt) {
    this.id = id;
    this.openingId = openingId;
    this.openedAt = openedAt;
  }
}
