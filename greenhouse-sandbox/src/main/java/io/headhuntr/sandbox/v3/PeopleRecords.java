package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Activity;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Contact;
import io.headhuntr.sandbox.store.Education;
import io.headhuntr.sandbox.store.Employment;
import io.headhuntr.sandbox.store.StageVisit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Renders people and their records in Harvest v3 field names and order (contract section 9):
 * candidates, applications, application stages, rejection details, notes, attachments, educations,
 * employments. Absent references are null, never 0. Call under the account's lock.
 */
final class PeopleRecords {
  private PeopleRecords() {}

  static ObjectNode candidate(Candidate c) {
    ObjectNode n = Json.object();
    n.put("id", c.id);
    n.put("first_name", c.firstName);
    n.put("last_name", c.lastName);
    n.put("company", c.company);
    n.put("title", c.title);
    n.put("private", c.isPrivate);
    n.put("can_email", c.canEmail);
    n.set("email_addresses", contacts(c.emails, true));
    n.set("phone_numbers", contacts(c.phones, true));
    n.set("addresses", contacts(c.addresses, true));
    n.set("website_addresses", contacts(c.websites, true));
    n.set("social_media_addresses", contacts(c.socials, false));
    n.set("tags", Json.strings(c.tags));
    n.set("custom_fields", customFields(c.customFields));
    Json.time(n, "created_at", c.createdAt);
    Json.time(n, "updated_at", c.updatedAt);
    Json.time(n, "last_activity_at", c.lastActivity);
    return n;
  }

  private static ArrayNode contacts(List<Contact> contacts, boolean typed) {
    ArrayNode array = Json.array();
    for (Contact c : contacts) {
      ObjectNode item = array.addObject().put("value", c.value());
      if (typed) {
        item.put("type", c.type());
      }
    }
    return array;
  }

  private static ObjectNode customFields(Map<String, String> fields) {
    ObjectNode n = Json.object();
    fields.forEach(n::put);
    return n;
  }

  /** The v3 status: v1's "active" is "in_process". */
  static String status(Application a) {
    return "active".equals(a.status) ? "in_process" : a.status;
  }

  static ObjectNode application(Application a) {
    ObjectNode n = Json.object();
    n.put("id", a.id);
    n.put("candidate_id", a.candidateId);
    n.put("prospect", a.prospect);
    Json.id(n, "job_id", a.prospect ? 0 : a.jobId());
    n.set("prospective_job_ids", Json.ids(a.prospect ? a.jobIds : List.of()));
    Json.id(n, "job_post_id", a.jobPostId);
    n.put("status", status(a));
    Json.id(n, "source_id", a.sourceId);
    Json.id(n, "referrer_id", a.creditedToId);
    Json.id(n, "recruiter_id", a.recruiterId);
    Json.id(n, "coordinator_id", a.coordinatorId);
    Json.id(n, "prospect_pool_id", a.prospectPoolId);
    Json.id(n, "prospect_pool_stage_id", a.prospectStageId);
    Json.id(n, "prospect_owner_id", a.prospectOwnerId);
    Json.id(n, "prospective_department_id", a.prospectiveDepartmentId);
    Json.id(n, "prospective_office_id", a.prospectiveOfficeId);
    Json.time(n, "rejected_at", "rejected".equals(a.status) ? a.rejectedAt : 0);
    Json.time(n, "hired_at", hiredAt(a));
    n.set("custom_fields", customFields(a.customFields));
    Json.time(n, "created_at", a.appliedAt);
    Json.time(n, "updated_at", a.lastActivityAt);
    Json.time(n, "last_activity_at", a.lastActivityAt);
    return n;
  }

  private static long hiredAt(Application a) {
    if (!"hired".equals(a.status)) {
      return 0;
    }
    return a.hiredAt != 0 ? a.hiredAt : a.lastActivityAt; // seeded hires keep no hire time
  }

  static ObjectNode applicationStage(StageVisit v) {
    ObjectNode n = Json.object();
    n.put("id", v.id);
    n.put("application_id", v.applicationId);
    n.put("job_interview_stage_id", v.jobStageId);
    Json.time(n, "entered_at", v.enteredAt);
    Json.time(n, "exited_at", v.exitedAt);
    Json.time(n, "created_at", v.enteredAt);
    Json.time(n, "updated_at", v.updatedAt);
    return n;
  }

  static ObjectNode rejectionDetail(Application a) {
    ObjectNode n = Json.object();
    n.put("id", a.rejectionId);
    n.put("application_id", a.id);
    Json.id(n, "rejection_reason_id", a.rejectionReasonId);
    Json.id(n, "rejected_by_user_id", a.rejectedByUserId);
    n.put("notes", a.rejectionNote);
    Json.time(n, "created_at", a.rejectedAt);
    Json.time(n, "updated_at", a.rejectedAt);
    return n;
  }

  static ObjectNode note(Activity a, long candidateId, long applicationId) {
    ObjectNode n = Json.object();
    n.put("id", a.id());
    n.put("candidate_id", candidateId);
    Json.id(n, "application_id", applicationId);
    Json.id(n, "user_id", a.userId());
    n.put("body", a.body());
    n.put("visibility", a.visibility() == null ? "public" : a.visibility());
    n.put("note_type", a.kind().name());
    Json.time(n, "created_at", a.createdAt());
    Json.time(n, "updated_at", a.createdAt());
    return n;
  }

  static ObjectNode attachment(Attachment f, long candidateId, long applicationId) {
    ObjectNode n = Json.object();
    n.put("id", f.id());
    n.put("candidate_id", candidateId);
    Json.id(n, "application_id", applicationId);
    n.put("filename", f.filename());
    n.put("type", f.type());
    n.put("visibility", f.visibility());
    n.put("url", f.url());
    Json.time(n, "created_at", f.createdAt());
    Json.time(n, "updated_at", f.createdAt());
    return n;
  }

  static ObjectNode education(Education e, Candidate c) {
    ObjectNode n = Json.object();
    n.put("id", e.id());
    n.put("candidate_id", c.id);
    Json.id(n, "school_id", e.schoolId());
    Json.id(n, "degree_id", e.degreeId());
    Json.id(n, "discipline_id", e.disciplineId());
    date(n, "start_on", e.startDate());
    date(n, "end_on", e.endDate());
    long created = e.createdAt() != 0 ? e.createdAt() : c.createdAt;
    Json.time(n, "created_at", created);
    Json.time(n, "updated_at", created);
    return n;
  }

  static ObjectNode employment(Employment e, Candidate c) {
    ObjectNode n = Json.object();
    n.put("id", e.id());
    n.put("candidate_id", c.id);
    n.put("company_name", e.companyName());
    n.put("title", e.title());
    date(n, "start_on", e.startDate());
    date(n, "end_on", e.endDate());
    long created = e.createdAt() != 0 ? e.createdAt() : c.createdAt;
    Json.time(n, "created_at", created);
    Json.time(n, "updated_at", created);
    return n;
  }

  /** An {@code _on} date (yyyy-MM-dd, UTC), or null for 0. */
  static void date(ObjectNode n, String field, long epochMillis) {
    if (epochMillis == 0) {
      n.putNull(field);
    } else {
      n.put(
          field,
          Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
  }
}
