package io.headhuntr.harvest;

import java.util.List;

/** A candidate's notes, e-mails and activities. */
public record ActivityFeed(List<Note> notes, List<EmailNote> emails, List<Activity> activities) {
  public ActivityFeed {
    notes = Nulls.list(notes);
    emails = Nulls.list(emails);
    activities = Nulls.list(activities);
  }
}
