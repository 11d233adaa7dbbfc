package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.ListQuery;
import io.headhuntr.sandbox.http.Pages;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.PeopleJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.ProspectPool;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Harvest application reads, PATCH and attachments (A1-A3, C5b). Recruiter actions: {@link
 * ApplicationActions}.
 */
public final class ApplicationHandlers {
  static final Set<String> STATUSES = Set.of("active", "converted", "hired", "rejected");

  private final Account account;
  private final Pages pages;
  private final Events events;

  public ApplicationHandlers(Account account, Pages pages, Events events) {
    this.account = account;
    this.pages = pages;
    this.events = events;
  }

  /**
   * GET /v1/applications: created (applied_at), last_activity_after, job_id (candidates and
   * prospects), status (an unknown status answers an empty array, as documented).
   */
  public void list(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    ListQuery.TimeRange created = q.range("created");
    long lastActivityAfter = q.time("last_activity_after");
    long jobId = q.id("job_id");
    String status = q.text("status");
    boolean unknownStatus = status != null && !STATUSES.contains(status);
    account.read(
        () -> {
          Pages.Page<Application> page =
              Pages.select(
                  q,
                  account.applications.values(),
                  a ->
                      !unknownStatus
                          && visible(a)
                          && created.contains(a.appliedAt)
                          && (lastActivityAfter == Long.MIN_VALUE
                              || a.lastActivityAt >= lastActivityAfter)
                          && (jobId == 0 || a.jobIds.contains(jobId))
                          && (status == null || status.equals(a.status)));
          pages.answer(q, page, new PeopleJson(account)::application);
          return null;
        });
  }

  private boolean visible(Application a) {
    return account.visible(a);
  }

  public void get(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.read(
        () -> {
          Respond.ok(ctx, new PeopleJson(account).application(application(account, id)));
          return null;
        });
  }

  static Application application(Account account, long id) {
    Application a = account.applications.get(id);
    if (!account.visible(a)) {
      throw HarvestError.notFound();
    }
    return a;
  }

  /**
   * PATCH /v1/applications/{id}: source_id, referrer, recruiter_id, coordinator_id, custom_fields,
   * prospect_pool_id, prospect_stage_id, rejection_details; only active, rejected or hired
   * applications. Fires application_updated.
   */
  public void patch(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long id = Respond.pathId(ctx, "id");
    account.write(
        () -> {
          Application a = application(account, id);
          if (a.status.equals("converted")) {
            throw HarvestError.state(
                "Application must be 'active', 'rejected' or 'hired', is currently 'converted'");
          }
          PersonInput people = new PersonInput(account);
          ApplicationInput input = new ApplicationInput(account);
          if (body.has("source_id")) {
            long sourceId = body.path("source_id").asLong();
            if (!account.sources.containsKey(sourceId)) {
              throw HarvestError.invalid("source_id", "Source " + sourceId + " not found");
            }
            a.sourceId = sourceId;
          }
          if (body.hasNonNull("referrer")) {
            a.creditedToId = input.referrer(body.get("referrer"));
          }
          if (body.hasNonNull("recruiter_id")) {
            a.recruiterId = people.user(body.get("recruiter_id").asLong(), "recruiter_id").id;
          }
          if (body.hasNonNull("coordinator_id")) {
            a.coordinatorId = people.user(body.get("coordinator_id").asLong(), "coordinator_id").id;
          }
          long poolId =
              body.hasNonNull("prospect_pool_id")
                  ? body.get("prospect_pool_id").asLong()
                  : a.prospectPoolId;
          if (body.hasNonNull("prospect_pool_id") || body.hasNonNull("prospect_stage_id")) {
            ProspectPool pool = account.prospectPools.get(poolId);
            if (pool == null) {
              throw HarvestError.invalid("prospect_pool_id", "Prospect pool not found");
            }
            a.prospectPoolId = pool.id();
            if (body.hasNonNull("prospect_stage_id")) {
              a.prospectStageId =
                  ApplicationInput.poolStage(
                      pool, body.get("prospect_stage_id").asLong(), "prospect_stage_id");
            } else if (!pool.stages().isEmpty()) {
              a.prospectStageId = pool.stages().get(0).id();
            }
          }
          JsonNode details = body.path("rejection_details").path("custom_fields");
          if (details.isArray() && !details.isEmpty()) {
            if (!a.status.equals("rejected")) {
              throw HarvestError.invalid(
                  "rejection_details", "Only rejected applications have rejection details");
            }
            a.rejectionNote = details.get(0).path("value").asText(a.rejectionNote);
          }
          touch(account, a);
          Respond.ok(ctx, new PeopleJson(account).application(a));
          return null;
        });
    events.application("application_updated", id);
  }

  /** Moves the application's and its person's activity timestamps. Call under the write lock. */
  public static void touch(Account account, Application a) {
    long now = account.now();
    a.lastActivityAt = now;
    Candidate c = account.candidates.get(a.candidateId);
    if (c != null) {
      c.updatedAt = now;
      c.lastActivity = now;
    }
  }

  /** POST /v1/applications/{id}/attachments: 201 {filename, url, type, content_type}. */
  public void addAttachment(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long id = Respond.pathId(ctx, "id");
    HarvestGuard.actingUser(ctx);
    account.write(
        () -> {
          Application a = application(account, id);
          Attachment att =
              new PersonInput(account)
                  .attachment(body, PersonInput.APPLICATION_ATTACHMENT_TYPES, a.candidateId);
          List<Attachment> all = new ArrayList<>(a.attachments);
          all.add(att);
          a.attachments = List.copyOf(all);
          touch(account, a);
          Respond.json(ctx, 201, PeopleJson.attachmentCreated(att));
          return null;
        });
    events.application("application_updated", id);
  }
}
