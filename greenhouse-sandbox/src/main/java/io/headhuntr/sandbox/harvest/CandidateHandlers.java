package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.ListQuery;
import io.headhuntr.sandbox.http.Pages;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.json.PeopleJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Candidate;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Harvest candidate and prospect reads and creation (C1, C2, C7, C10). Edits, notes, attachments,
 * merges and deletes are in {@link CandidateEdits}. With asynchronous creation on, a new person's
 * create answer is truncated and the person 404s for {@code asyncDelay}.
 */
public final class CandidateHandlers {
  /** At most this many candidates come back for a candidate_ids filter. */
  static final int MAX_CANDIDATE_IDS = 50;

  private final Account account;
  private final Pages pages;
  private final Events events;
  private final Duration asyncDelay;

  public CandidateHandlers(Account account, Pages pages, Events events, Duration asyncDelay) {
    this.account = account;
    this.pages = pages;
    this.events = events;
    this.asyncDelay = asyncDelay;
  }

  /**
   * GET /v1/candidates: created/updated, job_id (no prospects), email (wins over candidate_ids),
   * candidate_ids (<= 50).
   */
  public void list(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    ListQuery.TimeRange created = q.range("created");
    ListQuery.TimeRange updated = q.range("updated");
    long jobId = q.id("job_id");
    String email = q.text("email");
    Set<Long> ids = email == null ? candidateIds(q.text("candidate_ids")) : null;
    account.read(
        () -> {
          java.util.function.Predicate<Candidate> filter =
              c ->
                  account.visible(c)
                      && created.contains(c.createdAt)
                      && updated.contains(c.updatedAt)
                      && (email == null || c.hasEmail(email))
                      && (jobId == 0 || appliedTo(c, jobId));
          Iterable<Candidate> source = account.candidates.values();
          if (ids != null) {
            // at most 50 come back: the first 50 of the listed ids that pass the other filters
            List<Candidate> chosen = new ArrayList<>();
            for (long id : ids) {
              Candidate c = account.candidates.get(id);
              if (c != null && filter.test(c)) {
                chosen.add(c);
              }
            }
            chosen.sort(java.util.Comparator.comparingLong(c -> c.id));
            source = chosen.subList(0, Math.min(chosen.size(), MAX_CANDIDATE_IDS));
          }
          Pages.Page<Candidate> page = Pages.select(q, source, filter);
          pages.answer(q, page, new PeopleJson(account)::candidate);
          return null;
        });
  }

  private static Set<Long> candidateIds(String raw) {
    if (raw == null) {
      return null;
    }
    Set<Long> ids = new HashSet<>();
    for (String part : raw.split(",")) {
      if (!part.isBlank()) {
        try {
          ids.add(Long.parseLong(part.trim()));
        } catch (NumberFormatException e) {
          throw HarvestError.invalid("candidate_ids", "Must be a comma-separated list of ids");
        }
      }
    }
    return ids;
  }

  private boolean appliedTo(Candidate c, long jobId) {
    for (long appId : c.applicationIds) {
      Application a = account.applications.get(appId);
      if (a != null && !a.prospect && a.jobIds.contains(jobId)) {
        return true;
      }
    }
    return false;
  }

  public void get(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.read(
        () -> {
          Respond.ok(ctx, new PeopleJson(account).candidate(visible(account, id)));
          return null;
        });
  }

  static Candidate visible(Account account, long id) {
    Candidate c = account.candidates.get(id);
    if (!account.visible(c)) {
      throw HarvestError.notFound();
    }
    return c;
  }

  /** POST /v1/candidates: first_name, last_name and at least one application with a job_id. */
  public void create(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long actingUser = HarvestGuard.actingUser(ctx);
    Created created =
        account.write(
            () -> {
              PersonInput.requiredText(body, "first_name");
              PersonInput.requiredText(body, "last_name");
              JsonNode apps = body.get("applications");
              if (apps == null || !apps.isArray() || apps.isEmpty()) {
                throw HarvestError.missing("applications");
              }
              Candidate c = newPerson(body, actingUser);
              ApplicationInput input = new ApplicationInput(account);
              List<Application> made = new ArrayList<>();
              for (JsonNode app : apps) {
                made.add(
                    "true".equals(app.path("prospect").asText())
                        ? input.prospectApplication(c, app, true)
                        : input.candidateApplication(c, app));
              }
              store(c);
              made.forEach(a -> input.attach(c, a));
              return answerCreated(ctx, c);
            });
    fireCreated(created);
  }

  /**
   * POST /v1/prospects: person fields plus an optional single application (no pool, stage or
   * owner).
   */
  public void createProspect(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long actingUser = HarvestGuard.actingUser(ctx);
    Created created =
        account.write(
            () -> {
              Candidate c = newPerson(body, actingUser);
              JsonNode app = body.get("application");
              ApplicationInput input = new ApplicationInput(account);
              Application a =
                  input.prospectApplication(
                      c, app == null || app.isNull() ? Json.object() : app, false);
              store(c);
              input.attach(c, a);
              return answerCreated(ctx, c);
            });
    fireCreated(created);
  }

  private Candidate newPerson(ObjectNode body, long actingUser) {
    PersonInput.requiredText(body, "first_name");
    PersonInput.requiredText(body, "last_name");
    Candidate c = new Candidate(account.newId(), "", "", account.now());
    PersonInput input = new PersonInput(account);
    input.applyPersonFields(c, body);
    List<io.headhuntr.sandbox.store.Education> educations = new ArrayList<>();
    for (JsonNode e : body.path("educations")) {
      educations.add(input.education(e));
    }
    c.educations = List.copyOf(educations);
    List<io.headhuntr.sandbox.store.Employment> employments = new ArrayList<>();
    for (JsonNode e : body.path("employments")) {
      employments.add(input.employment(e));
    }
    c.employments = List.copyOf(employments);
    for (JsonNode n : body.path("activity_feed_notes")) {
      account.record(c.id, input.note(n, actingUser));
    }
    account.record(
        c.id,
        input.activity(
            actingUser, "Candidate Created", c.firstName + " " + c.lastName + " was added"));
    return c;
  }

  private void store(Candidate c) {
    if (!asyncDelay.isZero()) {
      c.visibleFrom = account.now() + asyncDelay.toMillis();
    }
    account.candidates.put(c.id, c);
  }

  private record Created(long candidateId, List<Long> applicationIds) {}

  private Created answerCreated(Context ctx, Candidate c) {
    if (asyncDelay.isZero()) {
      Respond.json(ctx, 201, new PeopleJson(account).candidate(c));
    } else {
      ObjectNode truncated = Json.object();
      truncated.put("id", c.id);
      truncated.set("application_ids", Json.ids(c.applicationIds));
      Respond.json(ctx, 201, truncated);
    }
    return new Created(c.id, c.applicationIds);
  }

  private void fireCreated(Created created) {
    for (long appId : created.applicationIds()) {
      boolean prospect = account.read(() -> account.applications.get(appId).prospect);
      events.application(
          prospect ? "new_prospect_application" : "new_candidate_application", appId);
    }
  }
}
