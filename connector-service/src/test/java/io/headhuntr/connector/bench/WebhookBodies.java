package io.headhuntr.connector.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Webhook bodies in the documented Greenhouse shapes (WEBHOOKS.md), one person and application per
 * number: {@code candidate_stage_change} and {@code new_candidate_application} carry the whole
 * application with its candidate and job, {@code update_candidate} the candidate alone. Numbers
 * above {@code base} make the ids, names and e-mails, so every delivery touches its own rows.
 */
public final class WebhookBodies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
  private static final String[] STAGES = {"Application Review", "Phone Screen", "Onsite", "Offer"};
  private static final String[] FIRST = {"Ada", "Grace", "Linus", "Barbara", "Alan", "Katherine"};
  private static final String[] LAST = {"Lovelace", "Hopper", "Torvalds", "Liskov", "Turing"};

  private final long base;

  /** Bodies whose ids start above {@code base} (use a fresh base per run of one database). */
  public WebhookBodies(long base) {
    this.base = base;
  }

  /** The action of delivery {@code n} in the benchmark's mix: 7 moves, 2 new, 1 profile edit. */
  public static String mixedAction(int n) {
    int slot = n % 10;
    return slot < 7
        ? "candidate_stage_change"
        : slot < 9 ? "new_candidate_application" : "update_candidate";
  }

  public long applicationId(int n) {
    return base + n;
  }

  public long candidateId(int n) {
    return 2 * base + n;
  }

  /** The body of delivery {@code n} with the given action. */
  public byte[] body(String action, int n) {
    ObjectNode root = JSON.createObjectNode();
    root.put("action", action);
    ObjectNode payload = root.putObject("payload");
    if (action.equals("update_candidate")) {
      payload.set("candidate", candidate(n));
    } else {
      payload.set("application", application(action, n));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode application(String action, int n) {
    Instant at = START.plusSeconds(n);
    ObjectNode app = JSON.createObjectNode();
    app.put("id", applicationId(n));
    app.putNull("rejected_at");
    app.put("prospect", false);
    app.put("status", "active");
    app.put("applied_at", START.minusSeconds(86_400).toString());
    app.put("last_activity_at", at.toString());
    app.put(
        "url",
        "https://app.greenhouse.io/people/"
            + candidateId(n)
            + "?application_id="
            + applicationId(n));
    ObjectNode source = app.putObject("source");
    source.put("id", 31 + n % 5);
    source.put("name", n % 2 == 0 ? "LinkedIn" : "Referral");
    app.set("credited_to", user(4_000 + n % 7));
    app.putNull("rejection_reason");
    app.putNull("rejection_details");
    int stage = action.equals("new_candidate_application") ? 0 : 1 + n % (STAGES.length - 1);
    ObjectNode current = app.putObject("current_stage");
    current.put("id", 70_000 + (n % 20) * 10 + stage);
    current.put("name", STAGES[stage]);
    ArrayNode interviews = current.putArray("interviews");
    ObjectNode interview = interviews.addObject();
    interview.put("id", 110_000 + stage);
    interview.put("name", STAGES[stage]);
    interview.put("status", "to_be_scheduled");
    interview.putObject("interview_kit").put("url", "https://app.greenhouse.io/guides/1/people/2");
    interview.putArray("interviewers");
    if (action.equals("new_candidate_application")) {
      app.putNull("prospect_detail");
    }
    app.putObject("custom_fields");
    app.set("candidate", candidate(n));
    app.putArray("jobs").add(job(n % 20));
    return app;
  }

  private ObjectNode candidate(int n) {
    ObjectNode c = JSON.createObjectNode();
    String first = FIRST[n % FIRST.length];
    String last = LAST[n % LAST.length] + "-" + n;
    c.put("id", candidateId(n));
    c.put("first_name", first);
    c.put("last_name", last);
    c.put("title", "Software Engineer");
    c.put("company", "Example Corp " + n % 50);
    c.put("created_at", START.minusSeconds(172_800).toString());
    c.put("external_id", "hh-" + candidateId(n));
    c.putNull("photo_url");
    c.put("url", "https://app.greenhouse.io/people/" + candidateId(n));
    c.put("is_private", false);
    c.put("can_email", true);
    c.putArray("phone_numbers")
        .addObject()
        .put("value", "+1 555 01" + n % 100)
        .put("type", "mobile");
    c.putArray("email_addresses")
        .addObject()
        .put("value", first.toLowerCase() + "." + n + "@mail.example.com")
        .put("type", "personal");
    c.putArray("addresses").addObject().put("value", n + " Main St.").put("type", "home");
    c.putArray("website_addresses")
        .addObject()
        .put("value", "https://" + n + ".example.com")
        .put("type", "personal");
    c.putArray("social_media_addresses")
        .addObject()
        .put("value", "https://linkedin.example.com/in/p" + n);
    c.putArray("educations")
        .addObject()
        .put("school_name", "University " + n % 30)
        .put("degree", "Bachelor's Degree")
        .put("discipline", "Computer Science")
        .put("start_date", "01/09/2010")
        .put("end_date", "01/06/2014");
    c.putArray("employments")
        .addObject()
        .put("company_name", "Previous Co " + n % 40)
        .put("title", "Engineer")
        .put("start_date", "01/07/2014")
        .putNull("end_date");
    c.set("recruiter", user(4_000 + n % 7));
    c.set("coordinator", user(4_100 + n % 3));
    c.putArray("attachments")
        .addObject()
        .put("filename", "resume-" + n + ".pdf")
        .put("url", "https://files.example.com/resume-" + n + ".pdf")
        .put("type", "resume");
    c.putArray("tags").add("Sourced by Headhuntr");
    c.putObject("custom_fields");
    return c;
  }

  private static ObjectNode job(int j) {
    ObjectNode job = JSON.createObjectNode();
    job.put("id", 3_400 + j);
    job.put("name", "Engineer " + j);
    job.putNull("requisition_id");
    job.put("notes", "");
    job.put("confidential", false);
    job.put("job_post_id", 550_000 + j);
    job.put("status", "open");
    job.put("created_by_id", 4_000);
    job.put("created_at", "2026-09-01T10:00:00Z");
    job.put("opened_at", "2026-09-02T10:00:00Z");
    job.putNull("closed_at");
    job.putArray("departments")
        .addObject()
        .put("id", 230 + j % 4)
        .put("name", "Engineering " + j % 4)
        .putNull("external_id");
    job.putArray("offices")
        .addObject()
        .put("id", 50 + j % 3)
        .put("name", "Office " + j % 3)
        .put("location", "Remote")
        .putNull("external_id");
    job.putObject("custom_fields");
    return job;
  }

  private static ObjectNode user(long id) {
    ObjectNode user = JSON.createObjectNode();
    user.put("id", id);
    user.put("email", "recruiter" + id + "@corp.example.com");
    user.put("name", "Recruiter " + id);
    user.putNull("employee_id");
    return user;
  }
}
