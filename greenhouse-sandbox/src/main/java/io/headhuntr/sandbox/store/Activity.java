package io.headhuntr.sandbox.store;

/** One entry of a candidate's activity feed: a note, an e-mail or a system activity. */
public record Activity(
    long id,
    Kind kind,
    long createdAt,
    long userId,
    String subject,
    String body,
    String visibility,
    String to,
    String from,
    java.util.List<String> cc) {

  /** The three lists of the activity feed. */
  public enum Kind {
    NOTE,
    EMAIL,
    ACTIVITY
  }
}
