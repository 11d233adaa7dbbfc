package io.headhuntr.sandbox.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A webhook's "When": Greenhouse's UI label and the {@code action} it delivers (WEBHOOKS.md section
 * 7, SETUP-GUIDE.md). The first 14 labels are the setup guide's; the others are the docs headings,
 * because their UI labels are not confirmed by any source.
 */
public enum WebhookEvent {
  CANDIDATE_HIRED("Candidate has been hired", "hire_candidate"),
  CANDIDATE_STAGE_CHANGE("Candidate has changed stage", "candidate_stage_change"),
  CANDIDATE_REJECTED("Candidate or Prospect rejected", "reject_candidate"),
  CANDIDATE_UNREJECTED("Candidate or Prospect unrejected", "unreject_candidate"),
  CANDIDATE_UPDATED("Candidate or Prospect updated", "update_candidate"),
  CANDIDATE_DELETED("Delete Candidate", "delete_candidate"),
  PROSPECT_CREATED("Prospect created", "new_prospect_application"),
  CANDIDATE_MERGED("Merged Candidate", "merge_candidate"),
  JOB_CREATED("Job Created", "job_created"),
  JOB_DELETED("Job Deleted", "job_deleted"),
  JOB_POST_CREATED("Job Post Created", "job_post_created"),
  JOB_POST_DELETED("Job Post Deleted", "job_post_deleted"),
  JOB_POST_UPDATED("Job Post Updated", "job_post_updated"),
  JOB_UPDATED("Job Updated", "job_updated"),
  // WEBHOOKS.md 7.2: documented actions whose UI label is not confirmed; the docs heading stands
  // in.
  APPLICATION_CREATED("Application created", "new_candidate_application"),
  APPLICATION_UPDATED("Application updated", "application_updated"),
  APPLICATION_DELETED("Application deleted", "delete_application"),
  CANDIDATE_UNHIRED("Candidate unhired", "unhire_candidate"),
  CANDIDATE_ANONYMIZED("Candidate anonymized", "candidate_anonymized"),
  JOB_APPROVED("Job Approved", "job_approved"),
  JOB_STAGE_DELETED("Job Stage deleted", "job_interview_stage_deleted"),
  OFFER_CREATED("Offer created", "offer_created"),
  OFFER_APPROVED("Offer approved", "offer_approved"),
  OFFER_UPDATED("Offer updated", "offer_updated"),
  OFFER_DELETED("Offer deleted", "offer_deleted"),
  INTERVIEW_DELETED("Interview deleted", "interview_deleted"),
  SCORECARD_DELETED("Scorecard deleted", "scorecard_deleted"),
  DEPARTMENT_DELETED("Department deleted", "department_deleted"),
  OFFICE_DELETED("Office deleted", "office_deleted");

  private final String label;
  private final String action;

  WebhookEvent(String label, String action) {
    this.label = label;
    this.action = action;
  }

  /** The label shown in Greenhouse's "When" drop-down, echoed as {@code event} in the ping. */
  public String label() {
    return label;
  }

  /** The {@code action} string of deliveries. */
  public String action() {
    return action;
  }

  /** The event for a "When" label, ignoring case and surrounding blanks. */
  public static Optional<WebhookEvent> ofLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String wanted = label.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(e -> e.label.toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** The event whose deliveries carry {@code action} (Harvest v3's event_action_type). */
  public static Optional<WebhookEvent> ofAction(String action) {
    return Arrays.stream(values()).filter(e -> e.action.equals(action)).findFirst();
  }

  /** Every accepted label, in drop-down order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(WebhookEvent::label).toList();
  }
}
