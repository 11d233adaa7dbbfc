package io.headhuntr.sandbox.store;

import java.util.List;
import java.util.Map;

/**
 * A person: a candidate or prospect. Kept compact (shared immutable empty lists, epoch-millis
 * timestamps) because seeds hold up to 100,000 of them; mutable only through {@link Account}.
 */
public final class Candidate {
  public final long id;
  public String firstName;
  public String lastName;
  public String company;
  public String title;
  public final long createdAt;
  public long updatedAt;
  public long lastActivity;
  public boolean isPrivate;
  public boolean canEmail = true;
  public List<Contact> emails = List.of();
  public List<Contact> phones = List.of();
  public List<Contact> addresses = List.of();
  public List<Contact> websites = List.of();
  public List<Contact> socials = List.of();
  public List<String> tags = List.of();
  public List<Long> applicationIds = List.of();
  public List<Attachment> attachments = List.of();
  public List<Education> educations = List.of();
  public List<Employment> employments = List.of();
  public Map<String, String> customFields = Map.of();
  public long recruiterId;
  public long coordinatorId;

  /** Epoch millis before which the candidate 404s (asynchronous creation); 0 = visible. */
  public long visibleFrom;

  public Candidate(long id, String firstName, String lastName, long createdAt) {
    this.id = id;
    this.firstName = firstName;
    this.lastName = lastName;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.lastActivity = createdAt;
  }

  public boolean hasEmail(String address) {
    for (Contact c : emails) {
      if (c.value().equalsIgnoreCase(address)) {
        return true;
      }
    }
    return false;
  }
}
