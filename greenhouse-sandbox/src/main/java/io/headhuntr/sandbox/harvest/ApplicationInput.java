package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.ProspectPool;
import io.headhuntr.sandbox.store.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds candidate and prospect applications from Harvest write bodies (C6, C7's applications[],
 * C10's application) and attaches them to a person. Call under the write lock.
 */
final class ApplicationInput {
  private final Account account;
  private final PersonInput people;

  ApplicationInput(Account account) {
    this.account = account;
    this.people = new PersonInput(account);
  }

  /** A candidate application: job_id required; initial_stage_id must belong to the job. */
  Application candidateApplication(Candidate c, JsonNode body) {
    if (!body.hasNonNull("job_id")) {
      throw HarvestError.missing("job_id");
    }
    Job job = openJob(body.get("job_id").asLong(), "job_id");
    Application a = new Application(account.newId(), c.id, false, account.now());
    a.jobIds = List.of(job.id);
    List<JobStage> stages = account.stagesOf(job.id);
    if (body.hasNonNull("initial_stage_id")) {
      long stageId = body.get("initial_stage_id").asLong();
      if (stages.stream().noneMatch(s -> s.id == stageId)) {
        throw HarvestError.invalid(
            "initial_stage_id", "Stage " + stageId + " does not belong to job " + job.id);
      }
      a.currentStageId = stageId;
    } else if (!stages.isEmpty()) {
      a.currentStageId = stages.get(0).id;
    }
    account.jobPosts.values().stream()
        .filter(p -> p.jobId == job.id && p.active)
        .findFirst()
        .ifPresent(p -> a.jobPostId = p.id);
    common(a, c, body);
    a.recruiterId =
        body.hasNonNull("recruiter_id")
            ? people.user(body.get("recruiter_id").asLong(), "recruiter_id").id
            : first(job.recruiterIds);
    a.coordinatorId =
        body.hasNonNull("coordinator_id")
            ? people.user(body.get("coordinator_id").asLong(), "coordinator_id").id
            : first(job.coordinatorIds);
    return a;
  }

  /** A prospect application: job_ids 0..n; pool/stage/owner only where {@code withPool} (C6). */
  Application prospectApplication(Candidate c, JsonNode body, boolean withPool) {
    Application a = new Application(account.newId(), c.id, true, account.now());
    List<Long> jobIds = new ArrayList<>();
    for (JsonNode id : body.path("job_ids")) {
      jobIds.add(openJob(id.asLong(), "job_ids").id);
    }
    a.jobIds = List.copyOf(jobIds);
    common(a, c, body);
    if (withPool) {
      if (body.hasNonNull("prospect_pool_id")) {
        ProspectPool pool = account.prospectPools.get(body.get("prospect_pool_id").asLong());
        if (pool == null) {
          throw HarvestError.invalid("prospect_pool_id", "Prospect pool not found");
        }
        a.prospectPoolId = pool.id();
        if (body.hasNonNull("prospect_pool_stage_id")) {
          a.prospectStageId =
              poolStage(
                  pool, body.get("prospect_pool_stage_id").asLong(), "prospect_pool_stage_id");
        } else if (!pool.stages().isEmpty()) {
          a.prospectStageId = pool.stages().get(0).id();
        }
      } else if (body.hasNonNull("prospect_pool_stage_id")) {
        throw HarvestError.invalid("prospect_pool_stage_id", "Requires prospect_pool_id");
      }
      if (body.hasNonNull("prospect_owner_id")) {
        a.prospectOwnerId =
            people.user(body.get("prospect_owner_id").asLong(), "prospect_owner_id").id;
      }
      if (body.hasNonNull("prospective_office_id")
          && !body.hasNonNull("prospective_department_id")) {
        throw HarvestError.invalid("prospective_office_id", "Requires prospective_department_id");
      }
      a.prospectiveDepartmentId = ref(body, "prospective_department_id", account.departments);
      a.prospectiveOfficeId = ref(body, "prospective_office_id", account.offices);
    }
    if (body.hasNonNull("recruiter_id")) {
      a.recruiterId = people.user(body.get("recruiter_id").asLong(), "recruiter_id").id;
    }
    if (body.hasNonNull("coordinator_id")) {
      a.coordinatorId = people.user(body.get("coordinator_id").asLong(), "coordinator_id").id;
    }
    return a;
  }

  static long poolStage(ProspectPool pool, long stageId, String field) {
    for (NamedRef s : pool.stages()) {
      if (s.id() == stageId) {
        return stageId;
      }
    }
    throw HarvestError.invalid(
        field, "Stage " + stageId + " does not belong to prospect pool " + pool.id());
  }

  private static long ref(JsonNode body, String field, java.util.Map<Long, ?> rows) {
    if (!body.hasNonNull(field)) {
      return 0;
    }
    long id = body.get(field).asLong();
    if (!rows.containsKey(id)) {
      throw HarvestError.invalid(field, "Not found: " + id);
    }
    return id;
  }

  private void common(Application a, Candidate c, JsonNode body) {
    if (body.hasNonNull("source_id")) {
      long sourceId = body.get("source_id").asLong();
      if (!account.sources.containsKey(sourceId)) {
        throw HarvestError.invalid("source_id", "Source " + sourceId + " not found");
      }
      a.sourceId = sourceId;
    }
    if (body.hasNonNull("referrer")) {
      a.creditedToId = referrer(body.get("referrer"));
    }
    List<Attachment> attachments = new ArrayList<>();
    for (JsonNode att : body.path("attachments")) {
      attachments.add(people.attachment(att, PersonInput.APPLICATION_ATTACHMENT_TYPES, c.id));
    }
    a.attachments = attachments.isEmpty() ? List.of() : List.copyOf(attachments);
  }

  /** {type: id|email|outside, value}; an outside referrer credits nobody. */
  long referrer(JsonNode referrer) {
    String type = PersonInput.optionalText(referrer, "type");
    String value = PersonInput.optionalText(referrer, "value");
    if (type == null || value == null) {
      throw HarvestError.invalid("referrer", "type and value are required");
    }
    switch (type) {
      case "id" -> {
        try {
          return people.user(Long.parseLong(value), "referrer").id;
        } catch (NumberFormatException e) {
          throw HarvestError.invalid("referrer", "Must be a user id");
        }
      }
      case "email" -> {
        for (User u : account.users.values()) {
          if (u.primaryEmail.equalsIgnoreCase(value)) {
            return u.id;
          }
        }
        throw HarvestError.invalid("referrer", "No user with e-mail " + value);
      }
      case "outside" -> {
        return 0;
      }
      default -> throw HarvestError.invalid("referrer.type", "Must be one of: id, email, outside");
    }
  }

  private Job openJob(long id, String field) {
    Job job = account.jobs.get(id);
    if (job == null) {
      throw HarvestError.invalid(field, "Job " + id + " not found");
    }
    return job;
  }

  private static long first(List<Long> ids) {
    return ids.isEmpty() ? 0 : ids.get(0);
  }

  /** Links a new application to its person and stores it. */
  void attach(Candidate c, Application a) {
    account.applications.put(a.id, a);
    if (!a.prospect && a.currentStageId != 0 && a.stageVisitIds.isEmpty()) {
      account.enterStage(a, a.currentStageId);
    }
    List<Long> ids = new ArrayList<>(c.applicationIds);
    ids.add(a.id);
    c.applicationIds = List.copyOf(ids);
    c.lastActivity = a.appliedAt;
    c.updatedAt = a.appliedAt;
  }
}
