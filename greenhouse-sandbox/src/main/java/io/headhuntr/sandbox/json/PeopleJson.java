package io.headhuntr.sandbox.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Activity;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Contact;
import io.headhuntr.sandbox.store.Education;
import io.headhuntr.sandbox.store.Employment;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.Lookup;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.ProspectPool;
import io.headhuntr.sandbox.store.RejectionReason;
import io.headhuntr.sandbox.store.Source;
import java.util.List;
import java.util.Map;

/**
 * Renders candidates, applications, notes and the other person objects in the Harvest v1 response
 * shapes of HARVEST-V1.md section 6. Call under the account's lock.
 */
public final class PeopleJson {
  private final Account account;
  private final OrgJson org;

  public PeopleJson(Account account) {
    this.account = account;
    this.org = new OrgJson(account);
  }

  public ObjectNode candidate(Candidate c) {
    ObjectNode node = Json.object();
    node.put("id", c.id);
    node.put("first_name", c.firstName);
    node.put("last_name", c.lastName);
    node.put("company", c.company);
    node.put("title", c.title);
    Json.time(node, "created_at", c.createdAt);
    Json.time(node, "updated_at", c.updatedAt);
    Json.time(node, "last_activity", c.lastActivity);
    node.put("is_private", c.isPrivate);
    node.putNull("photo_url");
    ArrayNode attachments = node.putArray("attachments");
    c.attachments.forEach(a -> attachments.add(attachment(a)));
    for (long appId : c.applicationIds) {
      Application a = account.applications.get(appId);
      if (a != null) {
        a.attachments.forEach(att -> attachments.add(attachment(att)));
      }
    }
    node.set("application_ids", Json.ids(c.applicationIds));
    node.set("phone_numbers", contacts(c.phones, true));
    node.set("addresses", contacts(c.addresses, true));
    node.set("email_addresses", contacts(c.emails, true));
    node.set("website_addresses", contacts(c.websites, true));
    node.set("social_media_addresses", contacts(c.socials, false));
    node.set("recruiter", org.userRef(c.recruiterId));
    node.set("coordinator", org.userRef(c.coordinatorId));
    node.put("can_email", c.canEmail);
    node.set("tags", Json.strings(c.tags));
    ArrayNode applications = node.putArray("applications");
    for (long appId : c.applicationIds) {
      Application a = account.applications.get(appId);
      if (a != null) {
        applications.add(application(a));
      }
    }
    ArrayNode educations = node.putArray("educations");
    c.educations.forEach(e -> educations.add(education(e)));
    ArrayNode employments = node.putArray("employments");
    c.employments.forEach(e -> employments.add(employment(e)));
    node.putArray("linked_user_ids");
    ObjectNode custom = node.putObject("custom_fields");
    ObjectNode keyed = node.putObject("keyed_custom_fields");
    for (Map.Entry<String, String> f : c.customFields.entrySet()) {
      custom.put(f.getKey(), f.getValue());
      ObjectNode k = keyed.putObject(f.getKey());
      k.put("name", label(f.getKey()));
      k.put("type", "short_text");
      k.put("value", f.getValue());
    }
    return node;
  }

  private static String label(String key) {
    String spaced = key.replace('_', ' ');
    return spaced.isEmpty()
        ? spaced
        : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static ArrayNode contacts(List<Contact> contacts, boolean typed) {
    ArrayNode array = Json.array();
    for (Contact c : contacts) {
      ObjectNode node = array.addObject();
      node.put("value", c.value());
      if (typed) {
        node.put("type", c.type());
      }
    }
    return array;
  }

  public ObjectNode application(Application a) {
    ObjectNode node = Json.object();
    node.put("id", a.id);
    node.put("candidate_id", a.candidateId);
    node.put("prospect", a.prospect);
    Json.time(node, "applied_at", a.appliedAt);
    Json.time(node, "rejected_at", a.rejectedAt);
    Json.time(node, "last_activity_at", a.lastActivityAt);
    if (a.locationAddress == null) {
      node.putNull("location");
    } else {
      node.putObject("location").put("address", a.locationAddress);
    }
    Source source = account.sources.get(a.sourceId);
    if (source == null) {
      node.putNull("source");
    } else {
      node.putObject("source").put("id", source.id()).put("public_name", source.name());
    }
    node.set("credited_to", org.userRef(a.creditedToId));
    node.set("recruiter", org.userRef(a.recruiterId));
    node.set("coordinator", org.userRef(a.coordinatorId));
    RejectionReason reason = account.rejectionReasons.get(a.rejectionReasonId);
    if (reason == null || !"rejected".equals(a.status)) {
      node.putNull("rejection_reason");
    } else {
      ObjectNode r = node.putObject("rejection_reason");
      r.put("id", reason.id());
      r.put("name", reason.name());
      r.putObject("type").put("id", reason.typeId()).put("name", reason.typeName());
    }
    if ("rejected".equals(a.status)) {
      ObjectNode details = node.putObject("rejection_details");
      details.putObject("custom_fields").put("rejection_notes", a.rejectionNote);
      ObjectNode keyed = details.putObject("keyed_custom_fields").putObject("rejection_notes");
      keyed.put("name", "Rejection Notes").put("type", "long_text").put("value", a.rejectionNote);
    } else {
      node.putNull("rejection_details");
    }
    ArrayNode jobs = node.putArray("jobs");
    for (long jobId : a.jobIds) {
      Job job = account.jobs.get(jobId);
      if (job != null) {
        jobs.addObject().put("id", job.id).put("name", job.name);
      }
    }
    Json.id(node, "job_post_id", a.jobPostId);
    node.put("status", a.status);
    JobStage stage = account.stages.get(a.currentStageId);
    if (stage == null || a.prospect || "hired".equals(a.status)) {
      node.putNull("current_stage");
    } else {
      node.putObject("current_stage").put("id", stage.id).put("name", stage.name);
    }
    node.putArray("answers");
    node.set("prospective_office", org.office(a.prospectiveOfficeId, false));
    node.set("prospective_department", org.department(a.prospectiveDepartmentId, false));
    ObjectNode detail = node.putObject("prospect_detail");
    ProspectPool pool = account.prospectPools.get(a.prospectPoolId);
    detail.set(
        "prospect_pool", pool == null ? null : OrgJson.named(new NamedRef(pool.id(), pool.name())));
    NamedRef stageRef = null;
    if (pool != null) {
      for (NamedRef s : pool.stages()) {
        if (s.id() == a.prospectStageId) {
          stageRef = s;
        }
      }
    }
    detail.set("prospect_stage", OrgJson.named(stageRef));
    ObjectNode owner = org.userRef(a.prospectOwnerId);
    detail.set(
        "prospect_owner",
        owner == null
            ? null
            : OrgJson.named(new NamedRef(a.prospectOwnerId, owner.get("name").asText())));
    node.putObject("custom_fields");
    node.putObject("keyed_custom_fields");
    ArrayNode attachments = node.putArray("attachments");
    a.attachments.forEach(att -> attachments.add(attachment(att)));
    return node;
  }

  public static ObjectNode attachment(Attachment a) {
    ObjectNode node = Json.object();
    node.put("filename", a.filename());
    node.put("url", a.url());
    node.put("type", a.type());
    Json.time(node, "created_at", a.createdAt());
    return node;
  }

  /** The body answered to an attachment upload. */
  public static ObjectNode attachmentCreated(Attachment a) {
    ObjectNode node = Json.object();
    node.put("filename", a.filename());
    node.put("url", a.url());
    node.put("type", a.type());
    node.put("content_type", a.contentType());
    return node;
  }

  public ObjectNode education(Education e) {
    ObjectNode node = Json.object();
    node.put("id", e.id());
    node.put("school_name", name(account.schools.get(e.schoolId())));
    node.put("degree", name(account.degrees.get(e.degreeId())));
    node.put("discipline", name(account.disciplines.get(e.disciplineId())));
    Json.time(node, "start_date", e.startDate());
    Json.time(node, "end_date", e.endDate());
    return node;
  }

  private static String name(Lookup l) {
    return l == null ? null : l.name();
  }

  public static ObjectNode employment(Employment e) {
    ObjectNode node = Json.object();
    node.put("id", e.id());
    node.put("company_name", e.companyName());
    node.put("title", e.title());
    Json.time(node, "start_date", e.startDate());
    Json.time(node, "end_date", e.endDate());
    return node;
  }

  /** A note, an e-mail or an activity, in the shape of its activity-feed list. */
  public ObjectNode activity(Activity a) {
    ObjectNode node = Json.object();
    node.put("id", a.id());
    Json.time(node, "created_at", a.createdAt());
    switch (a.kind()) {
      case NOTE -> {
        node.put("body", a.body());
        node.set("user", org.userRef(a.userId()));
        node.put("private", !"public".equals(a.visibility()));
        node.put("visiblity", a.visibility());
        node.put("visibility", a.visibility());
      }
      case EMAIL -> {
        node.put("subject", a.subject());
        node.put("body", a.body());
        node.put("to", a.to());
        node.put("from", a.from());
        node.set("cc", Json.strings(a.cc()));
        node.set("user", org.userRef(a.userId()));
      }
      case ACTIVITY -> {
        node.put("subject", a.subject());
        node.put("body", a.body());
        node.set("user", org.userRef(a.userId()));
      }
    }
    return node;
  }

  public ObjectNode activityFeed(long candidateId) {
    ObjectNode node = Json.object();
    ArrayNode notes = node.putArray("notes");
    ArrayNode emails = node.putArray("emails");
    ArrayNode activities = node.putArray("activities");
    for (Activity a : account.activityFeeds.getOrDefault(candidateId, List.of())) {
      switch (a.kind()) {
        case NOTE -> notes.add(activity(a));
        case EMAIL -> {
          // The feed prints cc as one string, the e-mail create response an array (both
          // documented).
          ObjectNode email = activity(a);
          email.put("cc", a.cc().isEmpty() ? null : String.join(", ", a.cc()));
          emails.add(email);
        }
        case ACTIVITY -> activities.add(activity(a));
      }
    }
    return node;
  }
}
