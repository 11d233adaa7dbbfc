package io.headhuntr.harvest.v3;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /v3/applications/{id}/reject}: a reason (required), optional notes, an
 * optional rejection e-mail (sent only when given) and custom fields.
 */
public record Rejection(
    long rejectionReasonId,
    String notes,
    RejectionEmail rejectionEmail,
    List<CustomFieldValue> customFields) {
  public Rejection {
    Checks.id("rejection_reason_id", rejectionReasonId);
    customFields = Nulls.copyOrNull(customFields);
  }

  /** Rejects for this reason, sending no e-mail. */
  public static Rejection forReason(long rejectionReasonId) {
    return new Rejection(rejectionReasonId, null, null, null);
  }

  public Rejection withNotes(String value) {
    return new Rejection(rejectionReasonId, value, rejectionEmail, customFields);
  }

  /** Sends the candidate this rejection e-mail. */
  public Rejection withEmail(RejectionEmail value) {
    return new Rejection(rejectionReasonId, notes, value, customFields);
  }

  public Rejection withCustomFields(List<CustomFieldValue> values) {
    return new Rejection(rejectionReasonId, notes, rejectionEmail, values);
  }

  /**
   * The rejection e-mail: a template (required), its sender and when to send it (now when unset).
   */
  public record RejectionEmail(long emailTemplateId, Long emailFromUserId, Instant sendEmailAt) {
    public RejectionEmail {
      Checks.id("rejection_email.email_template_id", emailTemplateId);
      Checks.optionalId("rejection_email.email_from_user_id", emailFromUserId);
    }
  }
}
