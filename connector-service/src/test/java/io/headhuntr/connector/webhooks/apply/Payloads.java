package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.mirror.MirrorJson;
import java.time.Instant;

/**
 * Our own webhook bodies in the documented shapes (WEBHOOKS.md sections 7 and 8), for orders and
 * combinations the shared examples do not cover.
 */
final class Payloads {
  static final long JOB = 5001;

  private Payloads() {}

  static ObjectNode candidate(long id, String firstName, String email) {
    ObjectNode c = MirrorJson.MAPPER.createObjectNode();
    c.put("id", id);
    c.put("first_name", firstName);
    c.put("last_name", "Lovelace");
    c.put("company", "Analytical Engines");
    c.put("title", "Engineer");
    c.put("is_private", false);
    c.put("can_email", true);
    c.putArray("email_addresses").addObject().put("value", email).put("type", "work");
    c.putArray("phone_numbers").addObject().put("value", "+44 20 7946 0000").put("type", "mobile");
    c.putArray("addresses")
        .addObject()
        .put("value", "12 St James's Square, London")
        .put("type", "home");
    c.putArray("website_addresses").addObject().put("value", "ada.example").put("type", "personal");
    c.putArray("social_media_addresses").addObject().put("value", "@ada");
    c.putArray("educations")
        .addObject()
        .put("school_name", "University of London")
        .put("degree", "Bachelor's Degree")
        .put("discipline", "Mathematics")
        .put("start_date", "09/01/1832")
        .put("end_date", "06/01/1835");
    c.putArray("employments")
        .addObject()
        .put("company_name", "Babbage & Co")
        .put("title", "Analyst")
        .put("start_date", "01/01/1840")
        .put("end_date", "01/01/1843");
    c.putArray("attachments")
        .addObject()
        .put("filename", "ada.pdf")
        .put("url", "https://prod-heroku.s3.amazonaws.com/ada.pdf?expires=1")
        .put("type", "resume");
    c.putArray("tags").add("Math").add("Poetry");
    c.putObject("custom_fields");
    return c;
  }

  /** An application action with the given state; {@code stageId} 0 means no current stage. */
  static String application(
      String action,
      long applicationId,
      ObjectNode candidate,
      String status,
      long stageId,
      String stageName,
      Instant lastActivityAt) {
    ObjectNode body = MirrorJson.MAPPER.createObjectNode();
    body.put("action", action);
    ObjectNode app = body.putObject("payload").putObject("application");
    app.put("id", applicationId);
    app.put("prospect", false);
    app.put("status", status);
    app.put("applied_at", "2024-01-02T03:04:05Z");
    if (lastActivityAt != null) {
      app.put("last_activity_at", lastActivityAt.toString());
    }
    app.put("rejected_at", status.equals("rejected") ? lastActivityAt.toString() : null);
    if (status.equals("rejected")) {
      ObjectNode reason = app.putObject("rejection_reason");
      reason.put("id", 14).put("name", "Too Junior");
      reason.putObject("type").put("id", 3).put("name", "Wrong skill set");
    } else {
      app.putNull("rejection_reason");
    }
    if (stageId > 0) {
      app.putObject("current_stage")
          .put("id", stageId)
          .put("name", stageName)
          .putArray("interviews");
    } else {
      app.putNull("current_stage");
    }
    app.putObject("source").put("id", 27).put("public_name", "LinkedIn");
    app.putNull("credited_to");
    app.set("candidate", candidate);
    ArrayNode jobs = app.putArray("jobs");
    jobs.addObject().put("id", JOB).put("name", "Data Scientist").put("status", "open");
    return body.toString();
  }

  /** {@code hire_candidate}: no status, no last_activity_at; the offer's resolved_at. */
  static String hire(long applicationId, ObjectNode candidate, Instant resolvedAt) {
    ObjectNode body = MirrorJson.MAPPER.createObjectNode();
    body.put("action", "hire_candidate");
    ObjectNode app = body.putObject("payload").putObject("application");
    app.put("id", applicationId);
    ObjectNode offer = app.putObject("offer");
    offer.put("id", 506409).put("version", 2).put("created_at", resolvedAt.toString());
    offer.put("sent_at", "2024-01-10").put("resolved_at", resolvedAt.toString());
    offer.put("starts_at", "2024-03-01");
    app.set("candidate", candidate);
    app.putArray("jobs").addObject().put("id", JOB).put("name", "Data Scientist");
    return body.toString();
  }

  static String updateCandidate(ObjectNode candidate) {
    ObjectNode body = MirrorJson.MAPPER.createObjectNode();
    body.put("action", "update_candidate");
    body.putObject("payload").set("candidate", candidate);
    return body.toString();
  }

  static String person(
      String action, long candidateId, Long newCandidateId, long... deletedApplications) {
    ObjectNode body = MirrorJson.MAPPER.createObjectNode();
    body.put("action", action);
    ObjectNode person = body.putObject("payload").putObject("person");
    person.put("id", candidateId);
    person.put("first_name", "Ada");
    person.put("last_name", "Lovelace");
    person.put("recruiter_user_id", 123);
    if (newCandidateId != null) {
      person.put("new_candidate_id", newCandidateId);
    } else {
      ArrayNode ids = person.putArray("deleted_application_ids");
      for (long id : deletedApplications) {
        ids.add(id);
      }
    }
    return body.toString();
  }

  static String anonymized(long candidateId, String... fields) {
    ObjectNode body = MirrorJson.MAPPER.createObjectNode();
    body.put("action", "candidate_anonymized");
    ObjectNode payload = body.putObject("payload");
    payload.put("candidate_id", candidateId);
    ArrayNode names = payload.putArray("anonymized_fields");
    for (String field : fields) {
      names.add(field);
    }
    return body.toString();
  }

  static String jobPost(String action, long postId, String title, Instant updatedAt) {
    ObjectNode body = MirrorJson.MAPPER.createObjectNode();
    body.put("action", action);
    ObjectNode post = body.putObject("payload");
    post.put("id", postId).put("title", title).put("location", "Remote");
    post.put("content", "<p>Join us</p>").putNull("internal_content");
    post.put("updated_at", updatedAt.toString()).put("job_id", JOB);
    post.put("external", true).put("internal", false).put("live", true);
    post.putArray("questions");
    return body.toString();
  }
}
