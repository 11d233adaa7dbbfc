package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.harvest.ApplicationActions;
import io.headhuntr.sandbox.harvest.ApplicationHandlers;
import io.headhuntr.sandbox.harvest.PeopleChanges;
import io.headhuntr.sandbox.harvest.ProspectConversion;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.ProspectPool;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The v3 application writes (contract section 10): create (candidate or prospect), PATCH, DELETE
 * and the actions move, reject, unreject, hire and convert_to_candidate, each through Harvest v1's
 * mutation logic so the same activity is recorded and the same webhook fires.
 */
final class ApplicationWrites {
  static final Shape.Fields CREATE =
      new Shape.Fields(
          Map.ofEntries(
              Map.entry("candidate_id", Shape.ID),
              Map.entry("job_id", Shape.ID),
              Map.entry("prospect", Shape.BOOL),
              Map.entry("job_ids", Shape.arrayOf(Shape.ID)),
              Map.entry("initial_stage_id", Shape.ID),
              Map.entry("source_id", Shape.ID),
              Map.entry("referrer_id", Shape.ID),
              Map.entry("recruiter_id", Shape.ID),
              Map.entry("coordinator_id", Shape.ID),
              Map.entry("created_at", Shape.TEXT),
              Map.entry("prospect_pool_id", Shape.ID),
              Map.entry("prospect_pool_stage_id", Shape.ID),
              Map.entry("prospect_owner_id", Shape.ID),
              Map.entry("prospective_department_id", Shape.ID),
              Map.entry("prospective_office_id", Shape.ID),
              Map.entry("custom_fields", V3Change.CUSTOM_FIELDS)));

  static final Shape.Fields PATCH =
      new Shape.Fields(
          Map.of(
              "source_id", Shape.ID,
              "referrer_id", Shape.ID,
              "recruiter_id", Shape.ID,
              "coordinator_id", Shape.ID,
              "prospect_pool_id", Shape.ID,
              "prospect_stage_id", Shape.ID,
              "custom_fields", V3Change.CUSTOM_FIELDS));

  static final Shape.Fields MOVE =
      new Shape.Fields(
          Map.of(
              "from_stage_id", Shape.ID,
              "to_stage_id", Shape.ID,
              "to_job_id", Shape.ID,
              "email_from_user_id", Shape.ID));

  static final Shape.Fields REJECT =
      new Shape.Fields(
          Map.of(
              "rejection_reason_id", Shape.ID,
              "notes", Shape.TEXT,
              "rejection_email",
                  Shape.fields(
                      Map.of(
                          "send_email_at", Shape.TEXT,
                          "email_template_id", Shape.ID,
                          "email_from_user_id", Shape.ID)),
              "custom_fields", V3Change.CUSTOM_FIELDS));

  static final Shape.Fields UNREJECT = new Shape.Fields(Map.of());

  static final Shape.Fields HIRE =
      new Shape.Fields(
          Map.of("start_date", Shape.TEXT, "opening_id", Shape.ID, "close_reason_id", Shape.ID));

  static final Shape.Fields CONVERT =
      new Shape.Fields(Map.of("job_id", Shape.ID, "to_job_interview_stage_id", Shape.ID));

  private final Account account;
  private final Events events;
  private final Duration asyncDelay;
  private final ApplicationActions actions;
  private final ProspectConversion conversion;

  ApplicationWrites(Account account, Events events, Duration asyncDelay) {
    this.account = account;
    this.events = events;
    this.asyncDelay = asyncDelay;
    this.actions = new ApplicationActions(account, events);
    this.conversion = new ProspectConversion(account, events);
  }

  /** POST /v3/applications: 201 the application; new_candidate_application or ..prospect... */
  void create(Context ctx) {
    V3Body body = V3Body.read(ctx, CREATE);
    long candidateId = body.requiredId("candidate_id");
    JsonNode prospectFlag = body.json().get("prospect");
    boolean prospect = prospectFlag != null && prospectFlag.asBoolean(false);
    if (prospect && body.has("job_id")) {
      throw V3Failure.invalid("job_id", "cannot be combined with prospect: true; use job_ids");
    }
    if (!prospect) {
      body.requiredId("job_id");
      if (body.has("job_ids")) {
        throw V3Failure.invalid("job_ids", "is only for prospect applications");
      }
      for (String poolField :
          new String[] {
            "prospect_pool_id",
            "prospect_pool_stage_id",
            "prospect_owner_id",
            "prospective_department_id",
            "prospective_office_id"
          }) {
        if (body.has(poolField)) {
          throw V3Failure.invalid(poolField, "is only for prospect applications");
        }
      }
    } else if (body.has("initial_stage_id")) {
      throw V3Failure.invalid("initial_stage_id", "prospect applications have no stage");
    }
    Application created =
        account.write(
            () -> {
              Candidate c = V3Change.candidateRef(account, candidateId, "candidate_id");
              ObjectNode v1 = body.json().deepCopy();
              v1.remove("custom_fields");
              v1.remove("prospect");
              V3Change.referrer(v1, body.id("referrer_id"));
              V3Change.user(account, body.id("recruiter_id"), "recruiter_id");
              V3Change.user(account, body.id("coordinator_id"), "coordinator_id");
              PeopleChanges changes = new PeopleChanges(account);
              Application a =
                  prospect
                      ? changes.prospectApplication(c, v1)
                      : changes.candidateApplication(c, v1);
              if (body.has("custom_fields")) {
                a.customFields =
                    V3Change.customFieldValues(Map.of(), body.json().get("custom_fields"));
              }
              changes.attach(c, a);
              if (!asyncDelay.isZero()) {
                a.visibleFrom = account.now() + asyncDelay.toMillis();
              }
              Respond.json(ctx, 201, PeopleRecords.application(a));
              return a;
            });
    events.application(
        prospect ? "new_prospect_application" : "new_candidate_application", created.id);
  }

  /** PATCH /v3/applications/{id}: 200 the application; application_updated. */
  void patch(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    V3Body body = V3Body.read(ctx, PATCH);
    account.write(
        () -> {
          Application a = V3Change.application(account, id);
          if (a.status.equals("converted")) {
            throw V3Failure.state("A converted application cannot be changed");
          }
          if (body.has("source_id")) {
            if (!account.sources.containsKey(body.id("source_id"))) {
              throw V3Failure.invalid("source_id", "names no source: " + body.id("source_id"));
            }
            a.sourceId = body.id("source_id");
          }
          for (String field : new String[] {"referrer_id", "recruiter_id", "coordinator_id"}) {
            V3Change.user(account, body.id(field), field);
          }
          if (body.json().has("referrer_id")) {
            a.creditedToId = body.id("referrer_id");
          }
          if (body.json().has("recruiter_id")) {
            a.recruiterId = body.id("recruiter_id");
          }
          if (body.json().has("coordinator_id")) {
            a.coordinatorId = body.id("coordinator_id");
          }
          if (body.has("prospect_pool_id") || body.has("prospect_stage_id")) {
            long poolId =
                body.has("prospect_pool_id") ? body.id("prospect_pool_id") : a.prospectPoolId;
            ProspectPool pool = account.prospectPools.get(poolId);
            if (pool == null) {
              throw V3Failure.invalid("prospect_pool_id", "names no prospect pool: " + poolId);
            }
            a.prospectPoolId = pool.id();
            if (body.has("prospect_stage_id")) {
              long stageId = body.id("prospect_stage_id");
              if (pool.stages().stream().noneMatch(s -> s.id() == stageId)) {
                throw V3Failure.invalid(
                    "prospect_stage_id", "is not a stage of prospect pool " + pool.id());
              }
              a.prospectStageId = stageId;
            } else {
              a.prospectStageId = pool.stages().stream().findFirst().map(NamedRef::id).orElse(0L);
            }
          }
          if (body.has("custom_fields")) {
            a.customFields =
                V3Change.customFieldValues(a.customFields, body.json().get("custom_fields"));
          }
          ApplicationHandlers.touch(account, a);
          Respond.ok(ctx, PeopleRecords.application(a));
          return null;
        });
    events.application("application_updated", id);
  }

  /** DELETE /v3/applications/{id}: 200 {"message":"Application <id> deleted successfully"}. */
  void delete(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    long actingUser = HarvestGuard.actingUser(ctx);
    ObjectNode before =
        account.write(
            () -> {
              V3Change.application(account, id);
              return actions.delete(id);
            });
    Respond.ok(ctx, Json.object().put("message", "Application " + id + " deleted successfully"));
    events.applicationDeleted(before, OptionalLong.of(actingUser));
  }

  /** One action under the write lock: a visible application, the change, then 204 and its hook. */
  private interface Action {
    void apply(Application a, V3Body body, long actingUser);
  }

  private void act(Context ctx, Shape.Fields shape, String webhook, Action action) {
    long id = Respond.pathId(ctx, "id");
    V3Body body = V3Body.read(ctx, shape);
    long actingUser = HarvestGuard.actingUser(ctx);
    account.write(
        () -> {
          Application a = V3Change.application(account, id);
          action.apply(a, body, actingUser);
          ApplicationHandlers.touch(account, a);
          return null;
        });
    ctx.status(204);
    events.application(webhook, id);
  }

  /**
   * POST /v3/applications/{id}/move {from_stage_id, to_stage_id?, to_job_id?}: from_stage_id must
   * be the current job interview stage; no to_stage_id advances to the next stage.
   */
  void move(Context ctx) {
    act(
        ctx,
        MOVE,
        "candidate_stage_change",
        (a, body, user) -> {
          long from = body.requiredId("from_stage_id");
          V3Change.user(account, body.id("email_from_user_id"), "email_from_user_id");
          actions.requireActiveCandidateApplication(a);
          if (from != a.currentStageId) {
            throw V3Failure.invalid(
                "from_stage_id", "is not the application's current stage " + a.currentStageId);
          }
          if (body.has("to_job_id")) {
            actions.transfer(
                a, body.id("to_job_id"), body.id("to_stage_id"), user, "to_job_id", "to_stage_id");
          } else if (body.has("to_stage_id")) {
            actions.moveWithinJob(a, body.id("to_stage_id"), user);
          } else {
            actions.advance(a, from, user);
          }
        });
  }

  /** POST /v3/applications/{id}/reject {rejection_reason_id, notes?, ..}: 204. */
  void reject(Context ctx) {
    act(
        ctx,
        REJECT,
        "reject_candidate",
        (a, body, user) -> {
          body.requiredId("rejection_reason_id");
          JsonNode email = body.json().path("rejection_email");
          V3Change.user(
              account,
              email.path("email_from_user_id").asLong(0),
              "rejection_email.email_from_user_id");
          actions.reject(a, body.json(), user);
        });
  }

  /** POST /v3/applications/{id}/unreject {}: 204. */
  void unreject(Context ctx) {
    act(ctx, UNREJECT, "unreject_candidate", (a, body, user) -> actions.unreject(a, user));
  }

  /** POST /v3/applications/{id}/hire {start_date?, opening_id?, close_reason_id?}: 204. */
  void hire(Context ctx) {
    act(ctx, HIRE, "hire_candidate", (a, body, user) -> actions.hire(a, body.json(), user));
  }

  /** POST /v3/applications/{id}/convert_to_candidate {job_id, to_job_interview_stage_id?}: 200. */
  void convert(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    V3Body body = V3Body.read(ctx, CONVERT);
    long jobId = body.requiredId("job_id");
    long actingUser = HarvestGuard.actingUser(ctx);
    long created =
        account.write(
            () -> {
              Application old = V3Change.application(account, id);
              ObjectNode v1 = Json.object().put("job_id", jobId);
              if (body.has("to_job_interview_stage_id")) {
                v1.put("initial_stage_id", body.id("to_job_interview_stage_id"));
              }
              Application fresh;
              try {
                fresh = conversion.convert(old, v1, actingUser);
              } catch (io.headhuntr.sandbox.http.HarvestError e) {
                V3Failure failure = V3Failure.from(e);
                String field = failure.body().path("errors").path(0).path("field").asText("");
                throw field.equals("initial_stage_id")
                    ? V3Failure.invalid(
                        "to_job_interview_stage_id", "is not a stage of job " + jobId)
                    : failure;
              }
              Respond.ok(ctx, PeopleRecords.application(fresh));
              return fresh.id;
            });
    events.application("new_candidate_application", created);
  }
}
