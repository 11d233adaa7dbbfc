package io.headhuntr.harvest;

/** A note for a candidate's activity feed: author ({@code user_id}), body and visibility. */
public record NewNote(long userId, String body, String visibility) {
  public NewNote {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("a note needs a body");
    }
    if (visibility == null || visibility.isBlank()) {
      throw new IllegalArgumentException(
          "a note needs a visibility (admin_only, private or public)");
    }
  }
}
