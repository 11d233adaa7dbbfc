package io.headhuntr.connector.webhooks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the 14 webhooks the setup guide asks the customer to create in Greenhouse's Dev Center.
 *
 * <p>{@code when} is Greenhouse's "When" label, which the ping echoes as {@code payload.event}; it
 * is how a ping is tied to its webhook.
 */
public record GuideWebhook(String name, String when, String action) {

  /** The 14, in the guide's order. */
  public static final List<GuideWebhook> ALL =
      List.of(
          new GuideWebhook(
              "Headhuntr.io-Candidate Hired", "Candidate has been hired", "hire_candidate"),
          new GuideWebhook(
              "Headhuntr.io-Candidate Stage Change",
              "Candidate has changed stage",
              "candidate_stage_change"),
          new GuideWebhook(
              "Headhuntr.io-Candidate/Prospect Rejected",
              "Candidate or Prospect rejected",
              "reject_candidate"),
          new GuideWebhook(
              "Headhuntr.io-Candidate/Prospect Unrejected",
              "Candidate or Prospect unrejected",
              "unreject_candidate"),
          new GuideWebhook(
              "Headhuntr.io-Candidate/Prospect Updated",
              "Candidate or Prospect updated",
              "update_candidate"),
          new GuideWebhook(
              "Headhuntr.io-Candidate Deleted", "Delete Candidate", "delete_candidate"),
          new GuideWebhook(
              "Headhuntr.io-Prospect Created", "Prospect created", "new_prospect_application"),
          new GuideWebhook("Headhuntr.io-Candidate Merged", "Merged Candidate", "merge_candidate"),
          new GuideWebhook("Headhuntr.io-Job Created", "Job Created", "job_created"),
          new GuideWebhook("Headhuntr.io-Job Deleted", "Job Deleted", "job_deleted"),
          new GuideWebhook("Headhuntr.io-Job Post Created", "Job Post Created", "job_post_created"),
          new GuideWebhook("Headhuntr.io-Job Post Deleted", "Job Post Deleted", "job_post_deleted"),
          new GuideWebhook("Headhuntr.io-Job Post Updated", "Job Post Updated", "job_post_updated"),
          new GuideWebhook("Headhuntr.io-Job Updated", "Job Updated", "job_updated"));

  /** The guide's webhook whose "When" label this is, ignoring case and repeated spaces. */
  public static Optional<GuideWebhook> byLabel(String label) {
    String wanted = normalize(label);
    return ALL.stream().filter(w -> normalize(w.when).equals(wanted)).findFirst();
  }

  /** The guide's webhook for this action string. */
  public static Optional<GuideWebhook> byAction(String action) {
    return ALL.stream().filter(w -> w.action.equals(action)).findFirst();
  }

  private static String normalize(String label) {
    return label == null ? "" : label.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
