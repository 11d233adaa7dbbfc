package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;

/**
 * Candidates, read and write, acting as one Greenhouse user ({@code On-Behalf-Of}). Writes are
 * never resent: on a {@link HarvestTransportException} with {@code mayHaveApplied()} look the
 * person up before creating again.
 */
public final class ActingCandidates extends Candidates {
  private final GreenhouseUserId actingUser;

  ActingCandidates(HarvestTransport transport, GreenhouseUserId actingUser) {
    super(transport);
    this.actingUser = actingUser;
  }

  /**
   * {@code POST /v1/candidates}; the answer may be truncated to ids while Greenhouse finishes
   * creating.
   */
  public Candidate create(NewCandidate candidate) {
    return transport.write("POST", "/v1/candidates", candidate, actingUser, Candidate.class);
  }

  /** {@code PATCH /v1/candidates/{id}}. */
  public Candidate update(long id, CandidatePatch patch) {
    return transport.write("PATCH", "/v1/candidates/" + id, patch, actingUser, Candidate.class);
  }

  /** {@code POST /v1/candidates/{id}/activity_feed/notes}. */
  public Note addNote(long id, NewNote note) {
    return transport.write(
        "POST", "/v1/candidates/" + id + "/activity_feed/notes", note, actingUser, Note.class);
  }

  /** {@code POST /v1/candidates/{id}/attachments} (types resume, cover_letter, admin_only). */
  public Attachment addAttachment(long id, NewAttachment attachment) {
    return transport.write(
        "POST", "/v1/candidates/" + id + "/attachments", attachment, actingUser, Attachment.class);
  }

  /** {@code POST /v1/candidates/{id}/applications}: a candidate or a prospect application. */
  public Application addApplication(long id, NewApplication application) {
    return transport.write(
        "POST",
        "/v1/candidates/" + id + "/applications",
        application,
        actingUser,
        Application.class);
  }

  /** {@code POST /v1/candidates/{id}/educations}. */
  public Education addEducation(long id, NewEducation education) {
    return transport.write(
        "POST", "/v1/candidates/" + id + "/educations", education, actingUser, Education.class);
  }

  /** {@code POST /v1/candidates/{id}/employments}. */
  public Employment addEmployment(long id, NewEmployment employment) {
    return transport.write(
        "POST", "/v1/candidates/" + id + "/employments", employment, actingUser, Employment.class);
  }
}
