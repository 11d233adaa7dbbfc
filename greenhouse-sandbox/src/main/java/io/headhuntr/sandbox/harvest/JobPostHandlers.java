package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.headhuntr.sandbox.store.JobPost;
import io.javalin.http.Context;

/** Harvest job posts: the four reads, the v2 update and status, and the admin delete. */
public final class JobPostHandlers {
  private final Account account;
  private final Pages pages;
  private final Events events;

  public JobPostHandlers(Account account, Pages pages, Events events) {
    this.account = account;
    this.pages = pages;
    this.events = events;
  }

  /** GET /v1/job_posts: created/updated, live, active (false = deleted only), internal. */
  public void listJobPosts(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    ListQuery.TimeRange created = q.range("created");
    ListQuery.TimeRange updated = q.range("updated");
    Boolean live = q.bool("live");
    Boolean active = q.bool("active");
    Boolean internal = q.bool("internal");
    account.read(
        () -> {
          Pages.Page<JobPost> page =
              Pages.select(
                  q,
                  account.jobPosts.values(),
                  p ->
                      created.contains(p.createdAt)
                          && updated.contains(p.updatedAt)
                          && (live == null || !live || p.live)
                          && (active == null || active == p.active)
                          && (internal == null || (internal ? p.internal : p.external)));
          pages.answer(q, page, new OrgJson(account)::jobPost);
          return null;
        });
  }

  public void getJobPost(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.read(
        () -> {
          Respond.ok(ctx, new OrgJson(account).jobPost(post(id)));
          return null;
        });
  }

  /** GET /v1/jobs/{id}/job_posts: every post of the job (active filter), unpaged. */
  public void listJobPostsForJob(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    Boolean active = new ListQuery(ctx).bool("active");
    account.read(
        () -> {
          requireJob(id);
          OrgJson org = new OrgJson(account);
          ArrayNode array = Json.array();
          for (JobPost p : account.jobPosts.values()) {
            if (p.jobId == id && (active == null || active == p.active)) {
              array.add(org.jobPost(p));
            }
          }
          Respond.ok(ctx, array);
          return null;
        });
  }

  /** GET /v1/jobs/{id}/job_post: the job's first active post. */
  public void getJobPostForJob(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.read(
        () -> {
          requireJob(id);
          for (JobPost p : account.jobPosts.values()) {
            if (p.jobId == id && p.active) {
              Respond.ok(ctx, new OrgJson(account).jobPost(p));
              return null;
            }
          }
          throw HarvestError.notFound();
        });
  }

  /**
   * PATCH /v2/job_posts/{id} {title?, location?, content?, internal_content?}: job_post_updated.
   */
  public void updateJobPost(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    ObjectNode body = Respond.body(ctx);
    account.write(
        () -> {
          JobPost p = post(id);
          if (body.has("title")) {
            String title = body.path("title").asText("");
            if (title.isBlank()) {
              throw HarvestError.invalid("title", "Title cannot be blank");
            }
            p.title = title;
          }
          JsonNode location = body.get("location");
          if (location != null && location.isObject()) {
            p.location = location.path("custom_location_name").asText(p.location);
          } else if (location != null && location.isTextual()) {
            p.location = location.asText();
          }
          p.content = JobHandlers.text(body, "content", p.content);
          p.internalContent = JobHandlers.text(body, "internal_content", p.internalContent);
          p.updatedAt = account.now();
          ObjectNode answer = Json.object();
          answer.put("success", true);
          Respond.ok(ctx, answer);
          return null;
        });
    events.jobPost("job_post_updated", id);
  }

  /** PATCH /v2/job_posts/{id}/status {"status": "live" | "offline"}: job_post_updated. */
  public void updateJobPostStatus(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    ObjectNode body = Respond.body(ctx);
    String status = body.path("status").asText("");
    if (!status.equals("live") && !status.equals("offline")) {
      throw HarvestError.invalid("status", "Must be one of: live, offline");
    }
    account.write(
        () -> {
          JobPost p = post(id);
          p.live = status.equals("live");
          if (p.live && p.firstPublishedAt == 0) {
            p.firstPublishedAt = account.now();
          }
          p.updatedAt = account.now();
          ObjectNode answer = Json.object();
          answer.put("success", true);
          Respond.ok(ctx, answer);
          return null;
        });
    events.jobPost("job_post_updated", id);
  }

  /** Admin: DELETE /sandbox/job_posts/{id}; only a post that is not live, as in Greenhouse. */
  public void deleteJobPost(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    ObjectNode deleted =
        account.write(
            () -> {
              JobPost p = post(id);
              if (p.live) {
                throw HarvestError.state("Only job posts that are not live can be deleted");
              }
              p.active = false;
              p.updatedAt = account.now();
              return new OrgJson(account).jobPost(p);
            });
    events.jobPostDeleted(deleted);
    ctx.status(204);
  }

  private JobPost post(long id) {
    JobPost p = account.jobPosts.get(id);
    if (p == null) {
      throw HarvestError.notFound();
    }
    return p;
  }

  private void requireJob(long id) {
    if (!account.jobs.containsKey(id)) {
      throw HarvestError.notFound();
    }
  }
}
