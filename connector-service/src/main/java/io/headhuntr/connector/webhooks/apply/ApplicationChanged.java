package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.MirrorJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The eight actions whose payload is {@code payload.application} with an embedded candidate and
 * jobs: {@code new_candidate_application}, {@code new_prospect_application}, {@code
 * application_updated}, {@code candidate_stage_change}, {@code reject_candidate}, {@code
 * unreject_candidate}, {@code hire_candidate}, {@code unhire_candidate}.
 *
 * <p>Version of the delivery: the application's {@code last_activity_at}; {@code hire_candidate}
 * carries none, so its offer's {@code resolved_at} (the acceptance); else the receive time, which
 * is never earlier than the change itself. A delivery older than the mirrored row is skipped and
 * emits nothing; equal times apply (the later processed wins). Events compare the previous mirrored
 * state with the new one, so a stage change reports where the application came from.
 */
final class ApplicationChanged implements BatchableAction {
  private static final java.util.Set<String> STATUS_ACTIONS =
      java.util.Set.of(
          "reject_candidate", "unreject_candidate", "hire_candidate", "unhire_candidate");

  private final String action;

  ApplicationChanged(String action) {
    this.action = action;
  }

  @Override
  public Decoded decode(JsonNode payload, Instant receivedAt) {
    JsonNode app = PayloadJson.object(payload, "application");
    if (app == null) {
      throw new UnusablePayloadException("payload.application is missing");
    }
    long applicationId = PayloadJson.requiredId(app, "id", "payload.application");
    JsonNode candidate = PayloadJson.object(app, "candidate");
    Long candidateId = candidate == null ? null : PayloadJson.longOrNull(candidate, "id");
    Instant version = version(app, receivedAt);
    return new Decoded() {
      @Override
      public Set<Long> candidateIds() {
        return candidateId == null ? Set.of() : Set.of(candidateId);
      }

      @Override
      public Set<Long> applicationIds() {
        return Set.of(applicationId);
      }

      @Override
      public String plan(ApplyContext ctx, MirrorBatch batch) {
        return ApplicationChanged.this.plan(
            ctx, batch, app, applicationId, candidate, candidateId, version);
      }
    };
  }

  private String plan(
      ApplyContext ctx,
      MirrorBatch batch,
      JsonNode app,
      long applicationId,
      JsonNode candidate,
      Long candidateId,
      Instant version) {
    Optional<ApplicationRow> before = batch.application(applicationId);
    if (before.isPresent() && before.get().deletedAt() != null) {
      return "skipped: application was deleted";
    }
    if (before.isPresent() && isOlder(version, before.get().version())) {
      return "skipped: mirror holds newer data (" + before.get().version() + ")";
    }
    if (before.isPresent() && activeChangeTiedWithClosing(before.get(), app, version)) {
      return "skipped: same second as the mirrored " + before.get().status() + " state";
    }
    recordReferences(ctx, app);
    Long survivor = null;
    CandidateRow candidateRow = null;
    if (candidate != null && candidateId != null) {
      Optional<CandidateRow> known = batch.candidate(candidateId);
      if (known.isPresent() && known.get().mergedIntoId() != null) {
        survivor = ctx.mirror.candidates().survivorOf(ctx.handle, ctx.tenantId, candidateId);
      }
      boolean live = known.isEmpty() || known.get().deletedAt() == null;
      if (live && (known.isEmpty() || !isOlder(version, known.get().version()))) {
        candidateRow = PayloadRows.candidate(candidate, known, version);
      }
    }
    ApplicationRow after = PayloadRows.application(app, before, version, action);
    if (survivor != null) {
      // a late delivery still naming a merged candidate: keep pointing at the survivor
      after = after.withCandidateId(survivor);
    }
    if (candidateRow != null) {
      batch.write(candidateRow);
    }
    batch.write(after);
    emitOutcomes(ctx, before, after, version);
    return "applied";
  }

  static Instant version(JsonNode app, Instant receivedAt) {
    Instant lastActivity = PayloadJson.instant(app, "last_activity_at");
    if (lastActivity != null) {
      return lastActivity;
    }
    Instant accepted = PayloadJson.instant(PayloadJson.object(app, "offer"), "resolved_at");
    return accepted != null ? accepted : receivedAt;
  }

  /**
   * Webhook times are whole seconds, so a move and a rejection made in one second tie. Greenhouse
   * moves and edits only active applications, so an "active" delivery of the same second as a
   * mirrored rejection or hire happened before it (a later unreject or unhire arrives as its own
   * action): it must not reopen the application.
   */
  private boolean activeChangeTiedWithClosing(
      ApplicationRow before, JsonNode app, Instant version) {
    boolean closed = "rejected".equals(before.status()) || "hired".equals(before.status());
    boolean reopening = STATUS_ACTIONS.contains(action);
    String incoming = PayloadJson.text(app, "status");
    return closed
        && !reopening
        && (incoming == null || incoming.equals("active"))
        && before.version() != null
        && version.equals(before.version().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Older to the second (webhook times have no milliseconds; Harvest's do). */
  static boolean isOlder(Instant incoming, Instant stored) {
    return stored != null && incoming.isBefore(stored.truncatedTo(ChronoUnit.SECONDS));
  }

  private void emitOutcomes(
      ApplyContext ctx, Optional<ApplicationRow> before, ApplicationRow after, Instant version) {
    boolean emitted = false;
    if (before.isEmpty()
        && (action.equals("new_candidate_application")
            || action.equals("new_prospect_application"))) {
      boolean prospect = Boolean.TRUE.equals(after.prospect());
      emit(ctx, prospect ? "prospect_created" : "application_created", after, version, data(after));
      emitted = true;
    }
    Long previousStage = before.map(ApplicationRow::currentStageId).orElse(null);
    // a stage learnt in passing (no known previous stage) is only news from a stage change
    boolean stageMoved =
        after.currentStageId() != null
            && (previousStage != null
                ? !previousStage.equals(after.currentStageId())
                : action.equals("candidate_stage_change"));
    if (stageMoved) {
      ObjectNode data = data(after);
      data.put("from_stage_id", previousStage);
      data.put("from_stage_name", before.map(ApplicationRow::currentStageName).orElse(null));
      data.put("to_stage_id", after.currentStageId());
      data.put("to_stage_name", after.currentStageName());
      emit(ctx, "stage_changed", after, version, data);
      emitted = true;
    }
    String was = before.map(ApplicationRow::status).orElse(null);
    String now = after.status();
    String transition = statusTransition(was, now);
    if (transition != null) {
      ObjectNode data = data(after);
      if (transition.equals("rejected")) {
        data.set("rejection_reason", after.rejectionReason());
      }
      emit(ctx, transition, after, version, data);
      emitted = true;
    }
    if (!emitted && action.equals("application_updated")) {
      emit(ctx, "application_updated", after, version, data(after));
    }
  }

  /** The outcome a status change means, or null; without a previous state, the action decides. */
  private String statusTransition(String was, String now) {
    if (now == null || Objects.equals(was, now)) {
      return null;
    }
    if (now.equals("rejected")) {
      return "rejected";
    }
    if (now.equals("hired")) {
      return "hired";
    }
    if (now.equals("active")) {
      if ("rejected".equals(was) || (was == null && action.equals("unreject_candidate"))) {
        return "unrejected";
      }
      if ("hired".equals(was) || (was == null && action.equals("unhire_candidate"))) {
        return "unhired";
      }
    }
    return null;
  }

  private static ObjectNode data(ApplicationRow row) {
    ObjectNode data = MirrorJson.MAPPER.createObjectNode();
    data.put("status", row.status());
    data.put("prospect", row.prospect());
    data.put("current_stage_id", row.currentStageId());
    data.put("current_stage_name", row.currentStageName());
    return data;
  }

  private static void emit(
      ApplyContext ctx, String type, ApplicationRow row, Instant version, ObjectNode data) {
    Long jobId = row.jobIds().isEmpty() ? null : row.jobIds().get(0);
    ctx.emit(new NewEvent(type, row.candidateId(), row.id(), jobId, null, version, data));
  }

  private static void recordReferences(ApplyContext ctx, JsonNode app) {
    JsonNode jobs = app.path("jobs");
    Long onlyJob = jobs.size() == 1 ? PayloadJson.longOrNull(jobs.get(0), "id") : null;
    JsonNode stage = PayloadJson.object(app, "current_stage");
    if (stage != null) {
      ReferenceData.stage(ctx, stage, onlyJob);
    }
    JsonNode source = PayloadJson.object(app, "source");
    if (source != null) {
      ReferenceData.source(ctx, source);
    }
    JsonNode credited = PayloadJson.object(app, "credited_to");
    if (credited != null) {
      ReferenceData.user(ctx, credited);
    }
    JsonNode candidate = PayloadJson.object(app, "candidate");
    if (candidate != null) {
      for (String role : new String[] {"recruiter", "coordinator"}) {
        JsonNode user = PayloadJson.object(candidate, role);
        if (user != null) {
          ReferenceData.user(ctx, user);
        }
      }
    }
    JsonNode detail = PayloadJson.object(app, "prospect_detail");
    if (detail != null) {
      JsonNode pool = PayloadJson.object(detail, "prospect_pool");
      if (pool != null) {
        ReferenceData.prospectPool(ctx, pool);
      }
      JsonNode owner = PayloadJson.object(detail, "prospect_owner");
      if (owner != null) {
        ReferenceData.user(ctx, owner);
      }
    }
    for (JsonNode job : jobs) {
      JobChanged.recordEmbedded(ctx, job);
    }
  }
}
