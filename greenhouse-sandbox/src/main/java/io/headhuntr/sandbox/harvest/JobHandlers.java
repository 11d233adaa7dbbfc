package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.ListQuery;
import io.headhuntr.sandbox.http.Pages;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.OrgJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobPost;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.Opening;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Set;

/** Harvest jobs: list, retrieve, create from a template, update, and the admin delete. */
public final class JobHandlers {
  private static final Set<String> JOB_STATUSES = Set.of("open", "closed", "draft");

  private final Account account;
  private final Pages pages;
  private final Events events;

  public JobHandlers(Account account, Pages pages, Events events) {
    this.account = account;
    this.pages = pages;
    this.events = events;
  }

  /**
   * GET /v1/jobs: created/updated, requisition_id, status, department_id, office_id, opening_id.
   */
  public void listJobs(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    ListQuery.TimeRange created = q.range("created");
    ListQuery.TimeRange updated = q.range("updated");
    String status = q.text("status");
    String requisition = q.text("requisition_id");
    String openingId = q.text("opening_id");
    long department = q.id("department_id");
    long office = q.id("office_id");
    String externalDepartment = q.text("external_department_id");
    String externalOffice = q.text("external_office_id");
    account.read(
        () -> {
          Pages.Page<Job> page =
              Pages.select(
                  q,
                  account.jobs.values(),
                  j ->
                      created.contains(j.createdAt)
                          && updated.contains(j.updatedAt)
                          && (status == null || status.equals(j.status))
                          && (requisition == null || requisition.equals(j.requisitionId))
                          && (department == 0 || department == j.departmentId)
                          && (office == 0 || office == j.officeId)
                          && (externalDepartment == null
                              || externalDepartment.equals(
                                  externalId(account.departments.get(j.departmentId))))
                          && (externalOffice == null
                              || externalOffice.equals(externalId(account.offices.get(j.officeId))))
                          && (openingId == null
                              || j.openings.stream().anyMatch(o -> openingId.equals(o.openingId))));
          pages.answer(q, page, new OrgJson(account)::job);
          return null;
        });
  }

  private static String externalId(Object departmentOrOffice) {
    if (departmentOrOffice instanceof io.headhuntr.sandbox.store.Department d) {
      return d.externalId();
    }
    if (departmentOrOffice instanceof io.headhuntr.sandbox.store.Office o) {
      return o.externalId();
    }
    return null;
  }

  public void getJob(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.read(
        () -> {
          Respond.ok(ctx, new OrgJson(account).job(job(id)));
          return null;
        });
  }

  private Job job(long id) {
    Job j = account.jobs.get(id);
    if (j == null) {
      throw HarvestError.notFound();
    }
    return j;
  }

  /**
   * POST /v1/jobs {template_job_id, number_of_openings, job_post_name?, job_name?, department_id?,
   * office_ids?, requisition_id?}: copies the template's stages and post; fires job_created and
   * job_post_created.
   */
  public void createJob(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    if (!body.hasNonNull("template_job_id")) {
      throw HarvestError.missing("template_job_id");
    }
    if (!body.hasNonNull("number_of_openings")) {
      throw HarvestError.missing("number_of_openings");
    }
    int openings = body.path("number_of_openings").asInt(-1);
    if (openings < 1 || openings > 100) {
      throw HarvestError.invalid("number_of_openings", "Must be an integer between 1 and 100");
    }
    long templateId = body.path("template_job_id").asLong();
    long[] created = new long[2];
    account.write(
        () -> {
          Job template = account.jobs.get(templateId);
          if (template == null) {
            throw HarvestError.invalid("template_job_id", "Template job not found");
          }
          long now = account.now();
          Job job = new Job(account.newId(), text(body, "job_name", template.name), now);
          job.copiedFromId = template.id;
          job.status = "open";
          job.openedAt = now;
          job.notes = template.notes;
          job.requisitionId = text(body, "requisition_id", null);
          job.departmentId = body.path("department_id").asLong(template.departmentId);
          JsonNode offices = body.path("office_ids");
          job.officeId =
              offices.isArray() && offices.size() > 0 ? offices.get(0).asLong() : template.officeId;
          job.hiringManagerIds = new ArrayList<>(template.hiringManagerIds);
          job.recruiterIds = new ArrayList<>(template.recruiterIds);
          job.coordinatorIds = new ArrayList<>(template.coordinatorIds);
          job.sourcerIds = new ArrayList<>(template.sourcerIds);
          JsonNode openingIds = body.path("opening_ids");
          for (int i = 0; i < openings; i++) {
            String openingId = openingIds.has(i) ? openingIds.get(i).asText() : null;
            job.openings.add(new Opening(account.newId(), openingId, now));
          }
          account.jobs.put(job.id, job);
          for (JobStage s : account.stagesOf(template.id)) {
            JobStage copy = new JobStage(account.newId(), job.id, s.name, s.priority, now);
            account.stages.put(copy.id, copy);
          }
          JobPost post =
              new JobPost(account.newId(), job.id, text(body, "job_post_name", job.name), now);
          post.location = "Remote";
          post.officeId = job.officeId;
          post.content = "<p>Join us as " + job.name + ".</p>";
          post.internalContent = post.content;
          account.jobPosts.put(post.id, post);
          created[0] = job.id;
          created[1] = post.id;
          Respond.json(ctx, 201, new OrgJson(account).job(job));
          return null;
        });
    events.job("job_created", created[0]);
    events.jobPost("job_post_created", created[1]);
  }

  static String text(ObjectNode body, String field, String fallback) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? fallback : node.asText();
  }

  /**
   * PATCH /v1/jobs/{id} {name?, notes?, requisition_id?, department_id?, office_ids?, status?}:
   * job_updated.
   */
  public void updateJob(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    ObjectNode body = Respond.body(ctx);
    account.write(
        () -> {
          Job j = job(id);
          if (body.has("status")) {
            String status = body.path("status").asText();
            if (!JOB_STATUSES.contains(status)) {
              throw HarvestError.invalid("status", "Must be one of: open, closed, draft");
            }
            if (!status.equals(j.status)) {
              j.status = status;
              if (status.equals("closed")) {
                j.closedAt = account.now();
              } else if (status.equals("open")) {
                j.openedAt = account.now();
                j.closedAt = 0;
              }
            }
          }
          if (body.has("name")) {
            String name = body.path("name").asText("");
            if (name.isBlank()) {
              throw HarvestError.invalid("name", "Name cannot be blank");
            }
            j.name = name;
          }
          j.notes = text(body, "notes", j.notes);
          j.requisitionId = text(body, "requisition_id", j.requisitionId);
          if (body.has("department_id")) {
            j.departmentId = body.path("department_id").asLong();
          }
          JsonNode offices = body.path("office_ids");
          if (offices.isArray() && offices.size() > 0) {
            j.officeId = offices.get(0).asLong();
          }
          j.updatedAt = account.now();
          Respond.ok(ctx, new OrgJson(account).job(j));
          return null;
        });
    events.job("job_updated", id);
  }

  /** Admin: DELETE /sandbox/jobs/{id}; job_deleted fires only for a closed job, as documented. */
  public void deleteJob(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    ObjectNode[] deleted = new ObjectNode[1];
    boolean[] closed = new boolean[1];
    account.write(
        () -> {
          Job j = job(id);
          deleted[0] = new OrgJson(account).job(j);
          closed[0] = j.status.equals("closed");
          account.jobs.remove(id);
          account.stages.values().removeIf(s -> s.jobId == id);
          account.jobPosts.values().removeIf(p -> p.jobId == id);
          return null;
        });
    if (closed[0]) {
      events.jobDeleted(deleted[0]);
    }
    ctx.status(204);
  }
}
