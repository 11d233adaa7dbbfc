package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.seed.AccountSeeder;
import io.headhuntr.sandbox.store.Department;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobPost;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.Lookup;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.Office;
import io.headhuntr.sandbox.store.ProspectPool;
import io.headhuntr.sandbox.store.RejectionReason;
import io.headhuntr.sandbox.store.Source;
import io.headhuntr.sandbox.store.User;

/**
 * Renders the organisation's records in Harvest v3 field names and order (contract section 9):
 * users, user e-mails, departments, offices, sources, jobs, job posts, job interview stages,
 * prospect pools and their stages, rejection reasons, custom field options. Absent references are
 * null. Reference rows the account keeps no timestamps for carry the account's seed time.
 */
final class OrgRecords {
  /** created_at/updated_at of reference rows without timestamps of their own. */
  static final long REFERENCE_TIME = AccountSeeder.ANCHOR;

  private OrgRecords() {}

  static ObjectNode user(User u, boolean serviceUser) {
    ObjectNode n = Json.object();
    n.put("id", u.id);
    n.put("name", u.name());
    n.put("first_name", u.firstName);
    n.put("last_name", u.lastName);
    n.put("primary_email", u.primaryEmail);
    n.put("employee_id", u.employeeId);
    n.put("deactivated", u.disabled);
    n.put("site_admin", u.siteAdmin);
    n.put("service_user", serviceUser);
    n.set("office_ids", Json.ids(u.officeIds));
    n.set("department_ids", Json.ids(u.departmentIds));
    Json.time(n, "created_at", u.createdAt);
    Json.time(n, "updated_at", u.updatedAt);
    return n;
  }

  /** One row of user_emails; ids are derived from the user's id and the address's position. */
  static ObjectNode userEmail(User u, UserEmail e) {
    ObjectNode n = Json.object();
    n.put("id", e.id());
    n.put("user_id", u.id);
    n.put("email", e.email());
    n.put("primary", e.primary());
    Json.time(n, "created_at", u.createdAt);
    Json.time(n, "updated_at", u.updatedAt);
    return n;
  }

  /** An address of a user, as a row of user_emails. */
  record UserEmail(long id, long userId, String email, boolean primary) {
    /** The primary address is row 0, the others follow in order. */
    static long idOf(long userId, int position) {
      return userId * 100 + position;
    }
  }

  static ObjectNode department(Department d) {
    ObjectNode n = Json.object();
    n.put("id", d.id());
    n.put("name", d.name());
    Json.id(n, "parent_id", d.parentId());
    n.put("external_id", d.externalId());
    reference(n);
    return n;
  }

  static ObjectNode office(Office o) {
    ObjectNode n = Json.object();
    n.put("id", o.id());
    n.put("name", o.name());
    n.put("location", o.location());
    Json.id(n, "parent_id", o.parentId());
    n.put("external_id", o.externalId());
    reference(n);
    return n;
  }

  static ObjectNode source(Source s) {
    ObjectNode n = Json.object();
    n.put("id", s.id());
    n.put("name", s.name());
    n.putObject("type").put("id", s.typeId()).put("name", s.typeName());
    reference(n);
    return n;
  }

  static ObjectNode job(Job j) {
    ObjectNode n = Json.object();
    n.put("id", j.id);
    n.put("name", j.name);
    n.put("requisition_id", j.requisitionId);
    n.put("status", j.status);
    n.put("confidential", j.confidential);
    Json.id(n, "department_id", j.departmentId);
    n.set(
        "office_ids",
        Json.ids(j.officeId == 0 ? java.util.List.of() : java.util.List.of(j.officeId)));
    Json.time(n, "opened_at", j.openedAt);
    Json.time(n, "closed_at", j.closedAt);
    n.put("notes", j.notes);
    n.putObject("custom_fields").put("employment_type", j.employmentType);
    Json.time(n, "created_at", j.createdAt);
    Json.time(n, "updated_at", j.updatedAt);
    return n;
  }

  static ObjectNode jobPost(JobPost p) {
    ObjectNode n = Json.object();
    n.put("id", p.id);
    Json.id(n, "job_id", p.jobId);
    n.put("title", p.title);
    n.put("live", p.live);
    n.put("internal", p.internal);
    n.put("external", p.external);
    n.put("content", p.content);
    n.put("internal_content", p.internalContent);
    Json.time(n, "first_published_at", p.firstPublishedAt);
    Json.time(n, "created_at", p.createdAt);
    Json.time(n, "updated_at", p.updatedAt);
    return n;
  }

  static ObjectNode jobStage(JobStage s) {
    ObjectNode n = Json.object();
    n.put("id", s.id);
    n.put("job_id", s.jobId);
    n.put("name", s.name);
    n.put("sort_order", s.priority);
    n.put("active", s.active);
    Json.time(n, "created_at", s.createdAt);
    Json.time(n, "updated_at", s.updatedAt);
    return n;
  }

  static ObjectNode prospectPool(ProspectPool p) {
    ObjectNode n = Json.object();
    n.put("id", p.id());
    n.put("name", p.name());
    n.put("active", p.active());
    reference(n);
    return n;
  }

  static ObjectNode prospectPoolStage(ProspectPool p, NamedRef stage, int sortOrder) {
    ObjectNode n = Json.object();
    n.put("id", stage.id());
    n.put("prospect_pool_id", p.id());
    n.put("name", stage.name());
    n.put("sort_order", sortOrder);
    reference(n);
    return n;
  }

  static ObjectNode rejectionReason(RejectionReason r) {
    ObjectNode n = Json.object();
    n.put("id", r.id());
    n.put("name", r.name());
    n.putObject("type").put("id", r.typeId()).put("name", r.typeName());
    reference(n);
    return n;
  }

  static ObjectNode customFieldOption(String key, Lookup l) {
    ObjectNode n = Json.object();
    n.put("id", l.id());
    n.put("custom_field_key", key);
    n.put("name", l.name());
    n.put("sort_order", l.priority());
    n.putNull("external_id");
    reference(n);
    return n;
  }

  private static void reference(ObjectNode n) {
    Json.time(n, "created_at", REFERENCE_TIME);
    Json.time(n, "updated_at", REFERENCE_TIME);
  }
}
