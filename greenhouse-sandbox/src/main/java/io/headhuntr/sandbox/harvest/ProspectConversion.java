package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Candidate;

/**
 * PATCH /v1/applications/{id}/convert_prospect {job_id, initial_stage_id?}: the prospect
 * application becomes "converted" and a candidate application on the job takes its place; answers
 * {success, old_application_id, new_application_id, new_job_id, new_stage_id} and fires
 * new_candidate_application for the new one.
 */
public final class ProspectConversion {
  private final Account account;
  private final Events events;

  public ProspectConversion(Account account, Events events) {
    this.account = account;
    this.events = events;
  }

  public void convert(io.javalin.http.Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long id = Respond.pathId(ctx, "id");
    long actingUser = HarvestGuard.actingUser(ctx);
    long created =
        account.write(
            () -> {
              Application old = ApplicationHandlers.application(account, id);
              Application fresh = convert(old, body, actingUser);
              ObjectNode answer = Json.object();
              answer.put("success", true);
              answer.put("old_application_id", old.id);
              answer.put("new_application_id", fresh.id);
              answer.put("new_job_id", fresh.jobId());
              Json.id(answer, "new_stage_id", fresh.currentStageId);
              Respond.ok(ctx, answer);
              return fresh.id;
            });
    events.application("new_candidate_application", created);
  }

  /**
   * Converts an active prospect application: a candidate application on {@code job_id} (in {@code
   * initial_stage_id}, else the first stage) takes its place and the old one reads "converted".
   * Call under the write lock; the caller fires new_candidate_application for the new one.
   */
  public Application convert(Application old, JsonNode body, long actingUser) {
    if (!old.prospect) {
      throw HarvestError.state("Application must be a prospect application");
    }
    if (!old.status.equals("active")) {
      throw HarvestError.state("Application must be 'active', is currently '" + old.status + "'");
    }
    Candidate person = account.candidates.get(old.candidateId);
    ApplicationInput input = new ApplicationInput(account);
    Application fresh = input.candidateApplication(person, body);
    fresh.sourceId = old.sourceId;
    fresh.creditedToId = old.creditedToId;
    old.status = "converted";
    old.lastActivityAt = account.now();
    input.attach(person, fresh);
    account.record(
        person.id,
        new PersonInput(account)
            .activity(actingUser, "Prospect Converted", "Converted to a candidate"));
    return fresh;
  }
}
