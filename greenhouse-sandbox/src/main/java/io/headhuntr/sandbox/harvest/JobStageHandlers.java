package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.ListQuery;
import io.headhuntr.sandbox.http.Pages;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.json.OrgJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.JobStage;
import io.javalin.http.Context;

/** Harvest job stages: the three reads and the admin delete (the stage turns inactive). */
public final class JobStageHandlers {
  private final Account account;
  private final Pages pages;
  private final Events events;

  public JobStageHandlers(Account account, Pages pages, Events events) {
    this.account = account;
    this.pages = pages;
    this.events = events;
  }

  /** GET /v1/job_stages: created/updated. */
  public void listStages(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    ListQuery.TimeRange created = q.range("created");
    ListQuery.TimeRange updated = q.range("updated");
    account.read(
        () -> {
          Pages.Page<JobStage> page =
              Pages.select(
                  q,
                  account.stages.values(),
                  s -> created.contains(s.createdAt) && updated.contains(s.updatedAt));
          pages.answer(q, page, new OrgJson(account)::jobStage);
          return null;
        });
  }

  /** GET /v1/jobs/{id}/stages: the job's stages in order. */
  public void listStagesForJob(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    ListQuery q = new ListQuery(ctx);
    ListQuery.TimeRange created = q.range("created");
    ListQuery.TimeRange updated = q.range("updated");
    account.read(
        () -> {
          requireJob(id);
          OrgJson org = new OrgJson(account);
          ArrayNode array = Json.array();
          for (JobStage s : account.stagesOf(id)) {
            if (created.contains(s.createdAt) && updated.contains(s.updatedAt)) {
              array.add(org.jobStage(s));
            }
          }
          Respond.ok(ctx, array);
          return null;
        });
  }

  public void getStage(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.read(
        () -> {
          JobStage s = account.stages.get(id);
          if (s == null) {
            throw HarvestError.notFound();
          }
          Respond.ok(ctx, new OrgJson(account).jobStage(s));
          return null;
        });
  }

  /** Admin: DELETE /sandbox/job_stages/{id}; the stage turns inactive. */
  public void deleteStage(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    ObjectNode deleted =
        account.write(
            () -> {
              JobStage s = account.stages.get(id);
              if (s == null || !s.active) {
                throw HarvestError.notFound();
              }
              s.active = false;
              s.updatedAt = account.now();
              return new OrgJson(account).jobStage(s);
            });
    events.jobStageDeleted(deleted);
    ctx.status(204);
  }

  private void requireJob(long id) {
    if (!account.jobs.containsKey(id)) {
      throw HarvestError.notFound();
    }
  }
}
