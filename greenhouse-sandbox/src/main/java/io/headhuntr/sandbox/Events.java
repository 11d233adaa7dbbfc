package io.headhuntr.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.OrgJson;
import io.headhuntr.sandbox.json.PeopleJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobPost;
import io.headhuntr.sandbox.webhooks.WebhookHub;
import io.headhuntr.sandbox.webhooks.WebhookPayloads;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the webhook that matches a change (WEBHOOKS.md section 7): renders the changed object in
 * Harvest shape, lets {@link WebhookPayloads} build the payload and {@link WebhookHub} deliver it.
 * A failure to build a payload is logged and never fails the Harvest call that caused it.
 */
public final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final Account account;
  private final WebhookHub hub;
  private final WebhookPayloads payloads;

  Events(Account account, WebhookHub hub, WebhookPayloads payloads) {
    this.account = account;
    this.hub = hub;
    this.payloads = payloads;
  }

  /** hire_candidate, candidate_stage_change, reject_candidate, new_candidate_application, ... */
  public void application(String action, long applicationId) {
    ObjectNode app =
        account.read(
            () -> {
              Application a = account.applications.get(applicationId);
              return a == null ? null : new PeopleJson(account).application(a);
            });
    if (app != null) {
      publish(action, () -> payloads.application(app));
    }
  }

  /** update_candidate. */
  public void candidateUpdated(long candidateId) {
    ObjectNode candidate = renderCandidate(candidateId);
    if (candidate != null) {
      publish("update_candidate", () -> payloads.candidate(candidate));
    }
  }

  public ObjectNode renderCandidate(long candidateId) {
    return account.read(
        () -> {
          Candidate c = account.candidates.get(candidateId);
          return c == null ? null : new PeopleJson(account).candidate(c);
        });
  }

  public void candidateDeleted(ObjectNode candidate, List<Long> applicationIds) {
    publish("delete_candidate", () -> payloads.deletedPerson(candidate, applicationIds));
  }

  /**
   * merge_candidate; when no active webhook listens for it, the merge arrives as delete_candidate
   * (with no deleted application ids), as WEBHOOKS.md documents.
   */
  public void candidateMerged(ObjectNode loser, long survivorId) {
    boolean mergeListened =
        hub.webhooks().stream()
            .anyMatch(w -> w.active() && w.event().action().equals("merge_candidate"));
    if (mergeListened) {
      publish("merge_candidate", () -> payloads.mergedPerson(loser, survivorId));
    } else {
      publish("delete_candidate", () -> payloads.deletedPerson(loser, List.of()));
    }
  }

  public void applicationDeleted(ObjectNode application, OptionalLong byUser) {
    publish("delete_application", () -> payloads.deletedApplication(application, byUser));
  }

  public void candidateAnonymized(long candidateId, List<String> fields) {
    publish("candidate_anonymized", () -> payloads.anonymized(candidateId, fields));
  }

  /** job_created or job_updated. */
  public void job(String action, long jobId) {
    ObjectNode job =
        account.read(
            () -> {
              Job j = account.jobs.get(jobId);
              return j == null ? null : new OrgJson(account).job(j);
            });
    if (job != null) {
      publish(action, () -> payloads.job(job));
    }
  }

  public void jobDeleted(ObjectNode job) {
    publish("job_deleted", () -> payloads.deletedJob(job));
  }

  /** job_post_created or job_post_updated. */
  public void jobPost(String action, long postId) {
    ObjectNode post =
        account.read(
            () -> {
              JobPost p = account.jobPosts.get(postId);
              return p == null ? null : new OrgJson(account).jobPost(p);
            });
    if (post != null) {
      publish(action, () -> payloads.jobPost(post));
    }
  }

  public void jobPostDeleted(ObjectNode post) {
    publish("job_post_deleted", () -> payloads.deletedJobPost(post));
  }

  public void jobStageDeleted(ObjectNode stage) {
    publish("job_interview_stage_deleted", () -> payloads.jobStageDeleted(stage));
  }

  private void publish(String action, Supplier<ObjectNode> payload) {
    try {
      hub.publish(action, payload.get());
    } catch (RuntimeException e) {
      LOG.warn("could not publish webhook {}: {}", action, e.toString());
    }
  }
}
