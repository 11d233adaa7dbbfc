package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.api.ProblemException;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Read handlers over the mirror, by Greenhouse id, under {@code /api/v1/tenants/{tenant_id}}:
 * {@code /candidates/{candidate_id}} (with its applications), {@code /candidates?email=}, {@code
 * /applications/{application_id}}, {@code /jobs}, {@code /jobs/{job_id}} (with its stages and live
 * posts), {@code /job_posts/{job_post_id}}, {@code /users}. Deleted objects answer with their
 * tombstone ({@code deleted_at}, and for a merged candidate {@code merged_into_id}); unknown ids
 * answer 404.
 */
public final class MirrorReadApi {
  private final Jdbi jdbi;
  private final MirrorStore mirror;

  public MirrorReadApi(Jdbi jdbi, MirrorStore mirror) {
    this.jdbi = jdbi;
    this.mirror = mirror;
  }

  public void candidate(Context ctx) {
    UUID tenant = tenant(ctx);
    long id = id(ctx, "candidate_id");
    ObjectNode body =
        jdbi.withHandle(
            h -> {
              CandidateRow row =
                  mirror
                      .candidates()
                      .find(h, tenant, id)
                      .orElseThrow(() -> ProblemException.notFound("no candidate " + id));
              ObjectNode node = MirrorJson.MAPPER.valueToTree(row);
              node.set(
                  "applications",
                  MirrorJson.MAPPER.valueToTree(mirror.applications().ofCandidate(h, tenant, id)));
              return node;
            });
    write(ctx, body);
  }

  /** {@code ?email=}: the live candidates having that address among theirs, ignoring case. */
  public void candidatesByEmail(Context ctx) {
    UUID tenant = tenant(ctx);
    String email = ctx.queryParam("email");
    if (email == null || email.isBlank()) {
      throw ProblemException.invalid("email", "is required");
    }
    List<CandidateRow> rows =
        jdbi.withHandle(
            h ->
                mirror.candidates().idsByEmail(h, tenant, email).stream()
                    .map(id -> mirror.candidates().find(h, tenant, id).orElseThrow())
                    .toList());
    write(ctx, Map.of("candidates", rows));
  }

  public void application(Context ctx) {
    UUID tenant = tenant(ctx);
    long id = id(ctx, "application_id");
    write(
        ctx,
        jdbi.withHandle(h -> mirror.applications().find(h, tenant, id))
            .orElseThrow(() -> ProblemException.notFound("no application " + id)));
  }

  /** {@code ?after=<job id>&limit=N} (default 100, at most 500), ordered by id. */
  public void jobs(Context ctx) {
    UUID tenant = tenant(ctx);
    long after = number(ctx.queryParam("after"), "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) number(ctx.queryParam("limit"), "limit", 100, 1, 500);
    List<JobRow> jobs = jdbi.withHandle(h -> mirror.jobs().jobs(h, tenant, after, limit));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jobs", jobs);
    body.put("next_after", jobs.isEmpty() ? null : jobs.get(jobs.size() - 1).id());
    write(ctx, body);
  }

  public void job(Context ctx) {
    UUID tenant = tenant(ctx);
    long id = id(ctx, "job_id");
    ObjectNode body =
        jdbi.withHandle(
            h -> {
              JobRow row =
                  mirror
                      .jobs()
                      .job(h, tenant, id)
                      .orElseThrow(() -> ProblemException.notFound("no job " + id));
              ObjectNode node = MirrorJson.MAPPER.valueToTree(row);
              node.set(
                  "stages", MirrorJson.MAPPER.valueToTree(mirror.jobs().stagesOf(h, tenant, id)));
              // the job's posts, however the mirror learnt them (sync lists posts with their job)
              node.set(
                  "job_posts", MirrorJson.MAPPER.valueToTree(mirror.jobs().postsOf(h, tenant, id)));
              return node;
            });
    write(ctx, body);
  }

  public void jobPost(Context ctx) {
    UUID tenant = tenant(ctx);
    long id = id(ctx, "job_post_id");
    write(
        ctx,
        jdbi.withHandle(h -> mirror.jobs().jobPost(h, tenant, id))
            .orElseThrow(() -> ProblemException.notFound("no job post " + id)));
  }

  /** {@code ?after=<user id>&limit=N} (default 100, at most 500), ordered by id. */
  public void users(Context ctx) {
    UUID tenant = tenant(ctx);
    long after = number(ctx.queryParam("after"), "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) number(ctx.queryParam("limit"), "limit", 100, 1, 500);
    List<UserRow> users = jdbi.withHandle(h -> mirror.references().users(h, tenant, after, limit));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("users", users);
    body.put("next_after", users.isEmpty() ? null : users.get(users.size() - 1).id());
    write(ctx, body);
  }

  private static UUID tenant(Context ctx) {
    return UUID.fromString(ctx.pathParam("tenant_id"));
  }

  private static long id(Context ctx, String param) {
    try {
      long id = Long.parseLong(ctx.pathParam(param));
      if (id < 1) {
        throw ProblemException.invalid(param, "must be a positive Greenhouse id");
      }
      return id;
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(param, "must be a numeric Greenhouse id");
    }
  }

  private static long number(String text, String field, long absent, long min, long max) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value < min || value > max) {
        throw ProblemException.invalid(field, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "must be a whole number");
    }
  }

  private static void write(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(MirrorJson.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
