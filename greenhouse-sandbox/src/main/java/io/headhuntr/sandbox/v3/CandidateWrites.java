package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.harvest.PeopleChanges;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Candidate;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /v3/candidates} (a person with at most one application) and {@code PATCH
 * /v3/candidates/{id}}, through the same mutation logic and webhooks as Harvest v1.
 */
final class CandidateWrites {
  private static final Shape CONTACT =
      Shape.fields(Map.of("value", Shape.TEXT, "type", Shape.TEXT));

  /** The candidate fields of create and patch. */
  static final Map<String, Shape> PERSON =
      Map.ofEntries(
          Map.entry("first_name", Shape.TEXT),
          Map.entry("last_name", Shape.TEXT),
          Map.entry("company", Shape.TEXT),
          Map.entry("title", Shape.TEXT),
          Map.entry("email_addresses", Shape.arrayOf(CONTACT)),
          Map.entry("phone_numbers", Shape.arrayOf(CONTACT)),
          Map.entry("addresses", Shape.arrayOf(CONTACT)),
          Map.entry("website_addresses", Shape.arrayOf(CONTACT)),
          Map.entry(
              "social_media_addresses", Shape.arrayOf(Shape.fields(Map.of("value", Shape.TEXT)))),
          Map.entry("tags", Shape.arrayOf(Shape.TEXT)),
          Map.entry("custom_fields", V3Change.CUSTOM_FIELDS));

  static final Shape.Fields PATCH = new Shape.Fields(PERSON);

  static final Shape.Fields CREATE;

  static {
    Map<String, Shape> fields = new HashMap<>(PERSON);
    fields.put(
        "application",
        Shape.fields(
            Map.of(
                "job_id", Shape.ID,
                "source_id", Shape.ID,
                "referrer_id", Shape.ID,
                "recruiter_id", Shape.ID,
                "coordinator_id", Shape.ID,
                "initial_stage_id", Shape.ID)));
    CREATE = new Shape.Fields(fields);
  }

  private final Account account;
  private final Events events;
  private final Duration asyncDelay;

  CandidateWrites(Account account, Events events, Duration asyncDelay) {
    this.account = account;
    this.events = events;
    this.asyncDelay = asyncDelay;
  }

  /** The ids of what a create made. */
  private record Created(long candidateId, long applicationId) {}

  /** POST /v3/candidates: 201 {"candidate":{..},"application":{..}|null}. */
  void create(Context ctx) {
    V3Body body = V3Body.read(ctx, CREATE);
    body.requiredText("first_name");
    body.requiredText("last_name");
    JsonNode app = body.json().get("application");
    boolean withApplication = app != null && !app.isNull();
    if (withApplication && !app.hasNonNull("job_id")) {
      throw V3Failure.required("application.job_id");
    }
    long actingUser = HarvestGuard.actingUser(ctx);
    Created created =
        account.write(
            () -> {
              PeopleChanges changes = new PeopleChanges(account);
              Candidate c = changes.newCandidate(personFields(body.json()), actingUser);
              Application a = null;
              if (withApplication) {
                ObjectNode v1 = ((ObjectNode) app).deepCopy();
                V3Change.referrer(v1, app.path("referrer_id").asLong(0));
                V3Change.user(
                    account, v1.path("recruiter_id").asLong(0), "application.recruiter_id");
                V3Change.user(
                    account, v1.path("coordinator_id").asLong(0), "application.coordinator_id");
                try {
                  a = changes.candidateApplication(c, v1);
                } catch (io.headhuntr.sandbox.http.HarvestError e) {
                  throw V3Failure.from(e).within("application");
                }
              }
              changes.store(c, asyncDelay);
              if (a != null) {
                changes.attach(c, a);
              }
              ObjectNode answer = Json.object();
              answer.set("candidate", PeopleRecords.candidate(c));
              answer.set("application", a == null ? null : PeopleRecords.application(a));
              Respond.json(ctx, 201, answer);
              return new Created(c.id, a == null ? 0 : a.id);
            });
    if (created.applicationId() != 0) {
      events.application("new_candidate_application", created.applicationId());
    }
  }

  /** The body's person fields in v1 names (custom_field_id becomes id). */
  static ObjectNode personFields(ObjectNode body) {
    ObjectNode v1 = body.deepCopy();
    v1.remove("application");
    if (v1.has("custom_fields") && !v1.get("custom_fields").isNull()) {
      v1.set("custom_fields", V3Change.customFields(v1.get("custom_fields")));
    }
    return v1;
  }

  /** PATCH /v3/candidates/{id}: 200 the candidate; update_candidate. */
  void patch(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    V3Body body = V3Body.read(ctx, PATCH);
    account.write(
        () -> {
          Candidate c = V3Change.candidate(account, id);
          new PeopleChanges(account).applyPersonFields(c, personFields(body.json()));
          c.updatedAt = account.now();
          c.lastActivity = c.updatedAt;
          Respond.ok(ctx, PeopleRecords.candidate(c));
          return null;
        });
    events.candidateUpdated(id);
  }
}
