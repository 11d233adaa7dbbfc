package io.headhuntr.harvest;

import java.util.List;

/** A candidate's notes, e-mails and activities. */
public record ActivityFeed(List<Note> notes, List<EmailNote> emails, List<Activity> activities) {
  public ActivityFeed {
    notes = notes == null ? List.of() : List.copyOf(notes);
    emails = emails == null ? List.of() : List.copyOf(emails);
    activities = activities == null ? List.of() : List.copyOf(activities);
  }
}
