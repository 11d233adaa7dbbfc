package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.json.PeopleJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.Opening;
import io.headhuntr.sandbox.store.User;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The recruiter actions that make things happen: advance, move, reject, unreject, hire, unhire,
 * transfer to another job, delete, and the sandbox's bulk reject. Each records an activity by the
 * acting user and fires its webhook (a transfer fires candidate_stage_change). The public cores
 * (advance, moveWithinJob, transfer, reject, unreject, hire, delete) are shared with Harvest v3's
 * handlers; the class runs past 400 lines because each v1 handler stays next to the core it uses.
 */
public final class ApplicationActions {
  private final Account account;
  private final Events events;

  public ApplicationActions(Account account, Events events) {
    this.account = account;
    this.events = events;
  }

  /** Runs one action under the write lock, answers the application, then fires {@code action}. */
  private interface Change {
    void apply(Application a, ObjectNode body, long actingUser);
  }

  private void act(Context ctx, String action, Change change) {
    ObjectNode body = Respond.body(ctx);
    long id = Respond.pathId(ctx, "id");
    long actingUser = HarvestGuard.actingUser(ctx);
    account.write(
        () -> {
          Application a = ApplicationHandlers.application(account, id);
          change.apply(a, body, actingUser);
          ApplicationHandlers.touch(account, a);
          Respond.ok(ctx, new PeopleJson(account).application(a));
          return null;
        });
    events.application(action, id);
  }

  private void requireStatus(Application a, String status) {
    if (!a.status.equals(status)) {
      throw HarvestError.state(
          "Application must be '" + status + "', is currently '" + a.status + "'");
    }
  }

  private void log(Application a, long user, String subject, String body) {
    account.record(a.candidateId, new PersonInput(account).activity(user, subject, body));
  }

  private String who(long candidateId) {
    Candidate c = account.candidates.get(candidateId);
    return c == null ? "The candidate" : c.firstName + " " + c.lastName;
  }

  private String jobName(Application a) {
    Job j = account.jobs.get(a.jobId());
    return j == null ? "no job" : j.name;
  }

  private long fromStage(Application a, ObjectNode body) {
    if (!body.hasNonNull("from_stage_id")) {
      throw HarvestError.missing("from_stage_id");
    }
    long from = body.get("from_stage_id").asLong();
    if (from != a.currentStageId) {
      throw HarvestError.invalid("from_stage_id", "The application is not in stage " + from);
    }
    return from;
  }

  private void stageChanged(Application a, JobStage to, long user) {
    account.enterStage(a, to.id);
    log(
        a,
        user,
        "Candidate Stage Change",
        who(a.candidateId) + " was moved into " + to.name + " for " + jobName(a));
  }

  /** POST /v1/applications/{id}/advance {from_stage_id}: next stage; candidate_stage_change. */
  public void advance(Context ctx) {
    act(
        ctx,
        "candidate_stage_change",
        (a, body, user) -> {
          requireActiveCandidateApplication(a);
          advance(a, fromStage(a, body), user);
        });
  }

  /**
   * Moves an active candidate application from stage {@code from} to the job's next stage. Call
   * under the write lock; the caller fires candidate_stage_change.
   */
  public void advance(Application a, long from, long user) {
    requireActiveCandidateApplication(a);
    List<JobStage> stages = account.stagesOf(a.jobId());
    for (int i = 0; i < stages.size() - 1; i++) {
      if (stages.get(i).id == from) {
        stageChanged(a, stages.get(i + 1), user);
        return;
      }
    }
    throw HarvestError.state("Application cannot be advanced past the final stage");
  }

  /** Refuses (422) anything but an active, non-prospect application. */
  public void requireActiveCandidateApplication(Application a) {
    requireStatus(a, "active");
    if (a.prospect) {
      throw HarvestError.state("Prospect applications have no stages");
    }
  }

  /**
   * POST /v1/applications/{id}/move {from_stage_id, to_stage_id}: within the job;
   * candidate_stage_change.
   */
  public void move(Context ctx) {
    act(
        ctx,
        "candidate_stage_change",
        (a, body, user) -> {
          requireActiveCandidateApplication(a);
          fromStage(a, body);
          if (!body.hasNonNull("to_stage_id")) {
            throw HarvestError.missing("to_stage_id");
          }
          moveWithinJob(a, body.get("to_stage_id").asLong(), user);
        });
  }

  /** Moves the application to another stage of its job; call under the write lock. */
  public void moveWithinJob(Application a, long to, long user) {
    requireActiveCandidateApplication(a);
    JobStage stage =
        account.stagesOf(a.jobId()).stream()
            .filter(s -> s.id == to)
            .findFirst()
            .orElseThrow(
                () ->
                    HarvestError.invalid(
                        "to_stage_id", "Stage " + to + " does not belong to the job"));
    stageChanged(a, stage, user);
  }

  /**
   * POST /v1/applications/{id}/reject {rejection_reason_id?, notes?, rejection_email?}:
   * reject_candidate.
   */
  public void reject(Context ctx) {
    act(ctx, "reject_candidate", (a, body, user) -> reject(a, body, user));
  }

  /**
   * Rejects an active application: {@code rejection_reason_id} (default the first reason) and
   * {@code notes} of {@code body}. Call under the write lock; the caller fires reject_candidate.
   */
  public void reject(Application a, JsonNode body, long user) {
    requireStatus(a, "active");
    if (body.hasNonNull("rejection_reason_id")) {
      long reason = body.get("rejection_reason_id").asLong();
      if (!account.rejectionReasons.containsKey(reason)) {
        throw HarvestError.invalid(
            "rejection_reason_id", "Rejection reason " + reason + " not found");
      }
      a.rejectionReasonId = reason;
    } else if (!account.rejectionReasons.isEmpty()) {
      a.rejectionReasonId = account.rejectionReasons.keySet().iterator().next();
    }
    a.rejectionNote = PersonInput.optionalText(body, "notes");
    a.status = "rejected";
    a.rejectedAt = account.now();
    account.rejected(a, user);
    log(
        a,
        user,
        "Candidate Rejected",
        "Reason: " + reasonName(a) + (a.rejectionNote == null ? "" : "\n\n" + a.rejectionNote));
  }

  private String reasonName(Application a) {
    var r = account.rejectionReasons.get(a.rejectionReasonId);
    return r == null ? "none" : r.name();
  }

  /**
   * PATCH /v1/applications/{id}/reject {rejection_reason_id}: a rejected one's reason;
   * application_updated.
   */
  public void updateRejection(Context ctx) {
    act(
        ctx,
        "application_updated",
        (a, body, user) -> {
          requireStatus(a, "rejected");
          if (!body.hasNonNull("rejection_reason_id")) {
            throw HarvestError.missing("rejection_reason_id");
          }
          long reason = body.get("rejection_reason_id").asLong();
          if (!account.rejectionReasons.containsKey(reason)) {
            throw HarvestError.invalid(
                "rejection_reason_id", "Rejection reason " + reason + " not found");
          }
          a.rejectionReasonId = reason;
        });
  }

  /** POST /v1/applications/{id}/unreject: only a rejected application; unreject_candidate. */
  public void unreject(Context ctx) {
    act(
        ctx,
        "unreject_candidate",
        (a, body, user) -> {
          unreject(a, user);
        });
  }

  /** Unrejects a rejected application; call under the write lock. */
  public void unreject(Application a, long user) {
    requireStatus(a, "rejected");
    a.status = "active";
    a.rejectedAt = 0;
    a.rejectionReasonId = 0;
    a.rejectionNote = null;
    account.unrejected(a);
    log(a, user, "Candidate Unrejected", who(a.candidateId) + " was unrejected for " + jobName(a));
  }

  /**
   * POST /v1/applications/{id}/hire {start_date?, opening_id?, close_reason_id?}: hire_candidate.
   */
  public void hire(Context ctx) {
    act(ctx, "hire_candidate", (a, body, user) -> hire(a, body, user));
  }

  /** Hires an active candidate application ({@code opening_id}, {@code close_reason_id}). */
  public void hire(Application a, JsonNode body, long user) {
    requireActiveCandidateApplication(a);
    Job job = account.jobs.get(a.jobId());
    if (job != null) {
      long openingId = body.path("opening_id").asLong(0);
      Opening opening =
          job.openings.stream()
              .filter(o -> o.status.equals("open") && (openingId == 0 || o.id == openingId))
              .findFirst()
              .orElse(null);
      if (opening == null && openingId != 0) {
        throw HarvestError.invalid(
            "opening_id", "Opening " + openingId + " is not open on job " + job.id);
      }
      if (opening != null) {
        opening.status = "closed";
        opening.closedAt = account.now();
        opening.applicationId = a.id;
        opening.closeReason = new NamedRef(body.path("close_reason_id").asLong(1), "Hired");
      }
      job.updatedAt = account.now();
    }
    a.status = "hired";
    a.hiredAt = account.now();
    log(a, user, "Candidate Hired", who(a.candidateId) + " was hired for " + jobName(a));
  }

  /**
   * POST /sandbox/applications/{id}/unhire: back to active, the opening reopens; unhire_candidate.
   */
  public void unhire(Context ctx) {
    act(
        ctx,
        "unhire_candidate",
        (a, body, user) -> {
          requireStatus(a, "hired");
          a.hiredAt = 0;
          Job job = account.jobs.get(a.jobId());
          if (job != null) {
            for (Opening o : job.openings) {
              if (o.applicationId == a.id) {
                o.status = "open";
                o.closedAt = 0;
                o.applicationId = 0;
                o.closeReason = null;
              }
            }
          }
          a.status = "active";
          log(a, user, "Candidate Unhired", who(a.candidateId) + " was unhired from " + jobName(a));
        });
  }

  /**
   * POST /v1/applications/{id}/transfer_to_job {new_job_id, new_stage_id?}: candidate_stage_change.
   */
  public void transfer(Context ctx) {
    act(
        ctx,
        "candidate_stage_change",
        (a, body, user) -> {
          requireActiveCandidateApplication(a);
          if (!body.hasNonNull("new_job_id")) {
            throw HarvestError.missing("new_job_id");
          }
          long jobId = body.get("new_job_id").asLong();
          transfer(
              a, jobId, body.path("new_stage_id").asLong(0), user, "new_job_id", "new_stage_id");
        });
  }

  /**
   * Moves an active candidate application to another job, into {@code stageId} (0: the job's first
   * stage); the fields name the job and stage in refusals. Call under the write lock.
   */
  public void transfer(
      Application a, long jobId, long stageId, long user, String jobField, String stageField) {
    requireActiveCandidateApplication(a);
    if (!account.jobs.containsKey(jobId)) {
      throw HarvestError.invalid(jobField, "Job " + jobId + " not found");
    }
    List<JobStage> stages = account.stagesOf(jobId);
    long wanted = stageId != 0 ? stageId : stages.isEmpty() ? 0 : stages.get(0).id;
    JobStage stage =
        stages.stream()
            .filter(s -> s.id == wanted)
            .findFirst()
            .orElseThrow(
                () ->
                    HarvestError.invalid(
                        stageField, "Stage " + wanted + " does not belong to job " + jobId));
    a.jobIds = List.of(jobId);
    stageChanged(a, stage, user);
  }

  /** DELETE /v1/applications/{id}: candidate applications only; delete_application. */
  public void delete(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    long actingUser = HarvestGuard.actingUser(ctx);
    ObjectNode deleted = account.write(() -> delete(id));
    ObjectNode answer = Json.object();
    answer.put("message", "Application " + id + " has been deleted.");
    Respond.ok(ctx, answer);
    events.applicationDeleted(deleted, OptionalLong.of(actingUser));
  }

  /**
   * Deletes a candidate application and answers it as it was (for delete_application). Call under
   * the write lock.
   */
  public ObjectNode delete(long id) {
    Application a = ApplicationHandlers.application(account, id);
    if (a.prospect) {
      throw HarvestError.state("Only candidate applications can be deleted");
    }
    ObjectNode before = new PeopleJson(account).application(a);
    account.forget(a);
    Candidate c = account.candidates.get(a.candidateId);
    List<Long> remaining = new ArrayList<>(c.applicationIds);
    remaining.remove(id);
    c.applicationIds = List.copyOf(remaining);
    c.updatedAt = account.now();
    return before;
  }

  /**
   * POST /sandbox/bulk/reject {"application_ids": [..], "rejection_reason_id"?}: rejects every
   * active one and fires one reject_candidate each (delivered concurrently, in no promised order).
   * The acting user is the On-Behalf-Of header's, else the first site admin.
   */
  public void bulkReject(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long user = bulkUser(ctx);
    List<Long> rejected = new ArrayList<>();
    List<Long> skipped = new ArrayList<>();
    account.write(
        () -> {
          for (JsonNode idNode : body.path("application_ids")) {
            long id = idNode.asLong();
            Application a = account.applications.get(id);
            if (a == null || !a.status.equals("active")) {
              skipped.add(id);
              continue;
            }
            reject(a, body, user);
            ApplicationHandlers.touch(account, a);
            rejected.add(id);
          }
          return null;
        });
    rejected.forEach(id -> events.application("reject_candidate", id));
    ObjectNode answer = Json.object();
    answer.set("rejected", Json.ids(rejected));
    answer.set("skipped", Json.ids(skipped));
    Respond.ok(ctx, answer);
  }

  private long bulkUser(Context ctx) {
    String header = ctx.header("On-Behalf-Of");
    return account.read(
        () -> {
          if (header != null) {
            try {
              User u = account.users.get(Long.parseLong(header.trim()));
              if (u != null) {
                return u.id;
              }
            } catch (NumberFormatException e) {
              throw HarvestError.notFound();
            }
            throw HarvestError.notFound();
          }
          return account.users.values().stream()
              .filter(u -> u.siteAdmin)
              .map(u -> u.id)
              .findFirst()
              .orElse(0L);
        });
  }
}
