package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.MirrorJson;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code job_post_created} and {@code job_post_updated}, whose {@code payload} is the post itself,
 * and {@code job_post_deleted} ({@code payload.job_post}: the last state is kept, then tombstoned).
 * Version: the post's {@code updated_at}.
 */
final class JobPostChanged implements ActionProcessor {
  private final String action;

  JobPostChanged(String action) {
    this.action = action;
  }

  @Override
  public String apply(ApplyContext ctx, JsonNode payload) {
    boolean deleted = action.equals("job_post_deleted");
    JsonNode post = deleted ? PayloadJson.object(payload, "job_post") : payload;
    if (post == null || !post.isObject()) {
      throw new UnusablePayloadException("payload.job_post is missing");
    }
    long postId = PayloadJson.requiredId(post, "id", deleted ? "payload.job_post" : "payload");
    Instant updatedAt = PayloadJson.instant(post, "updated_at");
    Instant version = updatedAt != null ? updatedAt : ctx.receivedAt;
    ctx.mirror.lock(ctx.handle, ctx.tenantId, "job_post", postId);
    Optional<JobPostRow> before = ctx.mirror.jobs().jobPost(ctx.handle, ctx.tenantId, postId);
    if (before.isPresent()
        && before.get().deletedAt() != null
        && !version.isAfter(before.get().deletedAt())) {
      // a state newer than the tombstone brings the post back (the upsert lifts it)
      return "skipped: job post was deleted";
    }
    boolean older =
        before.isPresent() && ApplicationChanged.isOlder(version, before.get().version());
    JobPostRow row = older ? before.get() : PayloadRows.jobPost(post, before, version);
    if (!older) {
      ctx.mirror.jobs().upsertJobPost(ctx.handle, ctx.tenantId, row);
    }
    ObjectNode data = MirrorJson.MAPPER.createObjectNode();
    data.put("title", row.title());
    data.put("live", row.live());
    if (deleted) {
      ctx.mirror.jobs().tombstoneJobPost(ctx.handle, ctx.tenantId, postId, ctx.receivedAt);
      ctx.emit(new NewEvent("job_post_deleted", null, null, row.jobId(), postId, updatedAt, data));
      return "applied";
    }
    if (older) {
      return "skipped: mirror holds newer data (" + before.get().version() + ")";
    }
    ctx.emit(new NewEvent(action, null, null, row.jobId(), postId, updatedAt, data));
    return "applied";
  }
}
