package io.headhuntr.sandbox.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Department;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobPost;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.Lookup;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.Office;
import io.headhuntr.sandbox.store.Opening;
import io.headhuntr.sandbox.store.ProspectPool;
import io.headhuntr.sandbox.store.Source;
import io.headhuntr.sandbox.store.User;
import java.util.List;

/**
 * Renders the account's organisation objects (users, departments, offices, jobs, stages, posts,
 * sources, pools, lookups) in the Harvest v1 response shapes of HARVEST-V1.md section 6. Call under
 * the account's lock.
 */
public final class OrgJson {
  private final Account account;

  public OrgJson(Account account) {
    this.account = account;
  }

  /** {id, first_name, last_name, name, employee_id}, or null for id 0 or an unknown user. */
  public ObjectNode userRef(long userId) {
    User u = account.users.get(userId);
    if (u == null) {
      return null;
    }
    ObjectNode node = Json.object();
    node.put("id", u.id);
    node.put("first_name", u.firstName);
    node.put("last_name", u.lastName);
    node.put("name", u.name());
    node.put("employee_id", u.employeeId);
    return node;
  }

  public ObjectNode user(User u) {
    ObjectNode node = Json.object();
    node.put("id", u.id);
    node.put("name", u.name());
    node.put("first_name", u.firstName);
    node.put("last_name", u.lastName);
    node.put("primary_email_address", u.primaryEmail);
    Json.time(node, "updated_at", u.updatedAt);
    Json.time(node, "created_at", u.createdAt);
    node.put("disabled", u.disabled);
    node.put("site_admin", u.siteAdmin);
    ArrayNode emails = node.putArray("emails");
    emails.add(u.primaryEmail);
    u.otherEmails.forEach(emails::add);
    node.put("employee_id", u.employeeId);
    node.putArray("linked_candidate_ids");
    ArrayNode offices = node.putArray("offices");
    u.officeIds.forEach(id -> add(offices, office(id, true)));
    ArrayNode departments = node.putArray("departments");
    u.departmentIds.forEach(id -> add(departments, department(id, true)));
    return node;
  }

  private static void add(ArrayNode array, ObjectNode node) {
    if (node != null) {
      array.add(node);
    }
  }

  public ObjectNode department(long id, boolean withExternalRefs) {
    Department d = account.departments.get(id);
    return d == null ? null : department(d, withExternalRefs);
  }

  /** The flat list form; {@code withExternalRefs} adds the parent/child external ids. */
  public ObjectNode department(Department d, boolean withExternalRefs) {
    ObjectNode node = Json.object();
    node.put("id", d.id());
    node.put("name", d.name());
    Json.id(node, "parent_id", d.parentId());
    if (withExternalRefs) {
      Department parent = account.departments.get(d.parentId());
      node.put("parent_department_external_id", parent == null ? null : parent.externalId());
    }
    ArrayNode childIds = node.putArray("child_ids");
    ArrayNode childExternal = Json.array();
    for (Department c : account.departments.values()) {
      if (c.parentId() == d.id()) {
        childIds.add(c.id());
        childExternal.add(c.externalId());
      }
    }
    if (withExternalRefs) {
      node.set("child_department_external_ids", childExternal);
    }
    node.put("external_id", d.externalId());
    return node;
  }

  /** The nested form of {@code render_as=tree}. */
  public ObjectNode departmentTree(Department d) {
    ObjectNode node = Json.object();
    node.put("id", d.id());
    node.put("name", d.name());
    ArrayNode children = node.putArray("children");
    for (Department c : account.departments.values()) {
      if (c.parentId() == d.id()) {
        children.add(departmentTree(c));
      }
    }
    node.put("external_id", d.externalId());
    return node;
  }

  public ObjectNode office(long id, boolean withExternalRefs) {
    Office o = account.offices.get(id);
    if (o == null) {
      return null;
    }
    ObjectNode node = Json.object();
    node.put("id", o.id());
    node.put("name", o.name());
    node.putObject("location").put("name", o.location());
    Json.id(node, "primary_contact_user_id", o.primaryContactUserId());
    Json.id(node, "parent_id", o.parentId());
    Office parent = account.offices.get(o.parentId());
    if (withExternalRefs) {
      node.put("parent_office_external_id", parent == null ? null : parent.externalId());
    }
    ArrayNode childIds = node.putArray("child_ids");
    ArrayNode childExternal = Json.array();
    for (Office c : account.offices.values()) {
      if (c.parentId() == o.id()) {
        childIds.add(c.id());
        childExternal.add(c.externalId());
      }
    }
    if (withExternalRefs) {
      node.set("child_office_external_ids", childExternal);
    }
    node.put("external_id", o.externalId());
    return node;
  }

  public ObjectNode job(Job j) {
    ObjectNode node = Json.object();
    node.put("id", j.id);
    node.put("name", j.name);
    node.put("requisition_id", j.requisitionId);
    node.put("notes", j.notes);
    node.put("confidential", j.confidential);
    node.put("status", j.status);
    Json.time(node, "created_at", j.createdAt);
    Json.time(node, "opened_at", j.openedAt);
    Json.time(node, "closed_at", j.closedAt);
    Json.time(node, "updated_at", j.updatedAt);
    node.put("is_template", false);
    Json.id(node, "copied_from_id", j.copiedFromId);
    add(node.putArray("departments"), department(j.departmentId, false));
    add(node.putArray("offices"), office(j.officeId, false));
    node.putObject("custom_fields").put("employment_type", j.employmentType);
    ObjectNode keyed = node.putObject("keyed_custom_fields").putObject("employment_type");
    keyed
        .put("name", "Employment Type")
        .put("type", "single_select")
        .put("value", j.employmentType);
    ObjectNode team = node.putObject("hiring_team");
    team.set("hiring_managers", team(j.hiringManagerIds, false));
    team.set("recruiters", team(j.recruiterIds, true));
    team.set("coordinators", team(j.coordinatorIds, true));
    team.set("sourcers", team(j.sourcerIds, false));
    ArrayNode openings = node.putArray("openings");
    for (Opening o : j.openings) {
      ObjectNode on = openings.addObject();
      on.put("id", o.id);
      on.put("opening_id", o.openingId);
      on.put("status", o.status);
      Json.time(on, "opened_at", o.openedAt);
      Json.time(on, "closed_at", o.closedAt);
      Json.id(on, "application_id", o.applicationId);
      on.set("close_reason", named(o.closeReason));
    }
    return node;
  }

  private ArrayNode team(List<Long> userIds, boolean withResponsible) {
    ArrayNode array = Json.array();
    for (int i = 0; i < userIds.size(); i++) {
      ObjectNode ref = userRef(userIds.get(i));
      if (ref != null) {
        if (withResponsible) {
          ref.put("responsible", i == 0);
        }
        array.add(ref);
      }
    }
    return array;
  }

  public static ObjectNode named(NamedRef ref) {
    if (ref == null) {
      return null;
    }
    ObjectNode node = Json.object();
    node.put("id", ref.id());
    node.put("name", ref.name());
    return node;
  }

  public ObjectNode jobStage(JobStage s) {
    ObjectNode node = Json.object();
    node.put("id", s.id);
    node.put("name", s.name);
    Json.time(node, "created_at", s.createdAt);
    Json.time(node, "updated_at", s.updatedAt);
    node.put("active", s.active);
    node.put("job_id", s.jobId);
    node.put("priority", s.priority);
    ArrayNode interviews = node.putArray("interviews");
    if (s.priority > 0) {
      Job job = account.jobs.get(s.jobId);
      ObjectNode interview = interviews.addObject();
      interview.put("id", s.id + 1_000_000_000L);
      interview.put("name", s.name + " Interview");
      interview.put("schedulable", true);
      interview.put("estimated_minutes", 30 + 15 * (s.priority % 3));
      ArrayNode interviewers = interview.putArray("default_interviewer_users");
      if (job != null && !job.hiringManagerIds.isEmpty()) {
        add(interviewers, userRef(job.hiringManagerIds.get(0)));
      }
      ObjectNode kit = interview.putObject("interview_kit");
      kit.put("id", s.id + 2_000_000_000L);
      kit.put("content", "<h5>Purpose</h5><span>Assess the candidate for " + s.name + ".</span>");
      ObjectNode q = kit.putArray("questions").addObject();
      q.put("id", s.id + 3_000_000_000L);
      q.put("question", "What stood out in the " + s.name + "?");
    }
    return node;
  }

  public ObjectNode jobPost(JobPost p) {
    ObjectNode node = Json.object();
    node.put("id", p.id);
    node.put("title", p.title);
    ObjectNode location = node.putObject("location");
    location.put("id", p.id + 500_000_000L);
    location.put("name", p.location);
    Json.id(location, "office_id", p.officeId);
    location.putNull("job_post_custom_location_id");
    ObjectNode type = location.putObject("job_post_location_type");
    type.put("id", 1);
    type.put("name", "Free Text");
    node.put("internal", p.internal);
    node.put("external", p.external);
    node.put("active", p.active);
    node.put("live", p.live);
    Json.time(node, "first_published_at", p.firstPublishedAt);
    Json.id(node, "job_id", p.jobId);
    node.put("content", p.content);
    node.put("internal_content", p.internalContent);
    Json.time(node, "updated_at", p.updatedAt);
    Json.time(node, "created_at", p.createdAt);
    node.putNull("demographic_question_set_id");
    ArrayNode questions = node.putArray("questions");
    question(questions, true, "First Name", "first_name", "short_text");
    question(questions, true, "Last Name", "last_name", "short_text");
    question(questions, true, "Email", "email", "short_text");
    question(questions, false, "Phone", "phone", "short_text");
    question(questions, true, "Resume", "resume", "attachment");
    ObjectNode b =
        question(
            questions, false, "Have you worked here before?", "question_" + (p.id + 7), "boolean");
    b.withArray("values").addObject().put("value", 0).put("label", "No");
    b.withArray("values").addObject().put("value", 1).put("label", "Yes");
    return node;
  }

  private static ObjectNode question(
      ArrayNode questions, boolean required, String label, String name, String type) {
    ObjectNode q = questions.addObject();
    q.put("required", required);
    q.put("private", false);
    q.put("label", label);
    q.put("name", name);
    q.put("type", type);
    q.putArray("values");
    q.putNull("description");
    return q;
  }

  public static ObjectNode source(Source s) {
    ObjectNode node = Json.object();
    node.put("id", s.id());
    node.put("name", s.name());
    ObjectNode type = node.putObject("type");
    type.put("id", s.typeId());
    type.put("name", s.typeName());
    return node;
  }

  public static ObjectNode prospectPool(ProspectPool p) {
    ObjectNode node = Json.object();
    node.put("id", p.id());
    node.put("name", p.name());
    node.put("active", p.active());
    ArrayNode stages = node.putArray("prospect_stages");
    p.stages().forEach(s -> stages.add(named(s)));
    return node;
  }

  public static ObjectNode lookup(Lookup l) {
    ObjectNode node = Json.object();
    node.put("id", l.id());
    node.put("name", l.name());
    node.put("priority", l.priority());
    return node;
  }
}
