package io.headhuntr.sandbox.store;

import java.util.ArrayList;
import java.util.List;

/** A job (requisition) with its hiring team and openings; mutable only through {@link Account}. */
public final class Job {
  public final long id;
  public String name;
  public String requisitionId;
  public String notes;
  public boolean confidential;
  public String status = "open";
  public final long createdAt;
  public long openedAt;
  public long closedAt;
  public long updatedAt;
  public long copiedFromId;
  public long departmentId;
  public long officeId;
  public List<Long> hiringManagerIds = new ArrayList<>();
  public List<Long> recruiterIds = new ArrayList<>();
  public List<Long> coordinatorIds = new ArrayList<>();
  public List<Long> sourcerIds = new ArrayList<>();
  public List<Opening> openings = new ArrayList<>();
  public String employmentType = "Full-Time";

  public Job(long id, String name, long createdAt) {
    this.id = id;
    this.name = name;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }
}
