package io.headhuntr.harvest.v3;

import java.util.Set;

/**
 * The body of {@code POST /v3/notes}: an author ({@code user_id}), a body and a visibility ({@code
 * admin_only}, {@code private}, {@code public}), on a candidate and/or an application. {@code
 * note_type} defaults to {@code NOTE} on Greenhouse's side; {@code EMAIL} only logs an e-mail, it
 * sends nothing.
 */
public record NewNote(
    long userId,
    String body,
    String visibility,
    Long candidateId,
    Long applicationId,
    String noteType) {
  static final Set<String> VISIBILITIES = Set.of("admin_only", "private", "public");
  static final Set<String> NOTE_TYPES = Set.of("NOTE", "ACTIVITY", "EMAIL");

  public NewNote {
    Checks.id("user_id", userId);
    Checks.text("body", body);
    Checks.text("visibility", visibility);
    Checks.oneOf("visibility", visibility, VISIBILITIES);
    Checks.optionalId("candidate_id", candidateId);
    Checks.optionalId("application_id", applicationId);
    if (candidateId == null && applicationId == null) {
      throw new IllegalArgumentException("a note needs candidate_id or application_id (or both)");
    }
    Checks.oneOf("note_type", noteType, NOTE_TYPES);
  }

  /** A note on a candidate's profile. */
  public static NewNote onCandidate(long candidateId, long userId, String body, String visibility) {
    return new NewNote(userId, body, visibility, candidateId, null, null);
  }

  /** A note on one application (Greenhouse shows it on the candidate too). */
  public static NewNote onApplication(
      long applicationId, long userId, String body, String visibility) {
    return new NewNote(userId, body, visibility, null, applicationId, null);
  }

  /** The same note with a type: {@code NOTE}, {@code ACTIVITY} or {@code EMAIL}. */
  public NewNote withType(String value) {
    return new NewNote(userId, body, visibility, candidateId, applicationId, value);
  }

  @Override
  public String toString() {
    return "NewNote[userId=" + userId + ", visibility=" + visibility + ", body hidden]";
  }
}
