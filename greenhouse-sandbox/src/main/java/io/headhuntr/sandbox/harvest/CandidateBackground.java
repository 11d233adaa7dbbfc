package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Candidate;
import io.javalin.http.Context;
import java.util.List;

/**
 * Deletes of a person's education and employment entries: {@code DELETE
 * /v1/candidates/{id}/educations/{education_id}} and {@code .../employments/{employment_id}}, each
 * answering {"success": true, "message": "Education ID n destroyed."} and firing update_candidate.
 */
public final class CandidateBackground {
  private final Account account;
  private final Events events;

  public CandidateBackground(Account account, Events events) {
    this.account = account;
    this.events = events;
  }

  public void deleteEducation(Context ctx) {
    long entry = Respond.pathId(ctx, "entry");
    long id =
        change(
            ctx,
            c -> {
              if (c.educations.stream().noneMatch(e -> e.id() == entry)) {
                throw HarvestError.notFound();
              }
              c.educations =
                  List.copyOf(c.educations.stream().filter(e -> e.id() != entry).toList());
            });
    answer(ctx, "Education ID " + entry + " destroyed.");
    events.candidateUpdated(id);
  }

  public void deleteEmployment(Context ctx) {
    long entry = Respond.pathId(ctx, "entry");
    long id =
        change(
            ctx,
            c -> {
              if (c.employments.stream().noneMatch(e -> e.id() == entry)) {
                throw HarvestError.notFound();
              }
              c.employments =
                  List.copyOf(c.employments.stream().filter(e -> e.id() != entry).toList());
            });
    answer(ctx, "Employment ID " + entry + " destroyed.");
    events.candidateUpdated(id);
  }

  private long change(Context ctx, java.util.function.Consumer<Candidate> work) {
    long id = Respond.pathId(ctx, "id");
    return account.write(
        () -> {
          Candidate c = CandidateHandlers.visible(account, id);
          work.accept(c);
          c.updatedAt = account.now();
          c.lastActivity = c.updatedAt;
          return c.id;
        });
  }

  private static void answer(Context ctx, String message) {
    ObjectNode body = Json.object();
    body.put("success", true);
    body.put("message", message);
    Respond.ok(ctx, body);
  }
}
