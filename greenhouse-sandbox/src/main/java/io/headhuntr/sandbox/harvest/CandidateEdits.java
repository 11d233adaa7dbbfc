package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.json.PeopleJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Activity;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Contact;
import io.headhuntr.sandbox.store.Education;
import io.headhuntr.sandbox.store.Employment;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Harvest writes on an existing person: edit (C3), note and e-mail note (C4), attachment (C5), add
 * application (C6), education (C8), employment (C9), merge (C11), activity feed (C12), delete and
 * anonymize. Each fires its webhook and moves {@code updated_at} / {@code last_activity}.
 */
public final class CandidateEdits {
  private final Account account;
  private final Events events;
  private final Duration asyncDelay;

  public CandidateEdits(Account account, Events events, Duration asyncDelay) {
    this.account = account;
    this.events = events;
    this.asyncDelay = asyncDelay;
  }

  private <T> T onCandidate(Context ctx, Function<Candidate, T> work) {
    long id = Respond.pathId(ctx, "id");
    return account.write(
        () -> {
          Candidate c = CandidateHandlers.visible(account, id);
          T result = work.apply(c);
          c.updatedAt = account.now();
          c.lastActivity = c.updatedAt;
          return result;
        });
  }

  /** PATCH /v1/candidates/{id}: update_candidate. */
  public void patch(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long id =
        onCandidate(
            ctx,
            c -> {
              new PersonInput(account).applyPersonFields(c, body);
              return c.id;
            });
    account.read(
        () -> {
          Respond.ok(ctx, new PeopleJson(account).candidate(account.candidates.get(id)));
          return null;
        });
    events.candidateUpdated(id);
  }

  /** POST /v1/candidates/{id}/activity_feed/notes {user_id, body, visibility}. */
  public void addNote(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long actingUser = HarvestGuard.actingUser(ctx);
    onCandidate(
        ctx,
        c -> {
          Activity note = new PersonInput(account).note(body, actingUser);
          account.record(c.id, note);
          Respond.json(ctx, 201, new PeopleJson(account).activity(note));
          return null;
        });
  }

  /** POST /v1/candidates/{id}/activity_feed/emails {user_id, to, from, cc[], subject, body}. */
  public void addEmailNote(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    onCandidate(
        ctx,
        c -> {
          PersonInput input = new PersonInput(account);
          long userId = input.user(body.path("user_id").asLong(), "user_id").id;
          String to = PersonInput.requiredText(body, "to");
          String from = PersonInput.requiredText(body, "from");
          String subject = PersonInput.requiredText(body, "subject");
          String text = PersonInput.requiredText(body, "body");
          List<String> cc = new ArrayList<>();
          body.path("cc").forEach(v -> cc.add(v.asText()));
          Activity email =
              new Activity(
                  account.newId(),
                  Activity.Kind.EMAIL,
                  account.now(),
                  userId,
                  subject,
                  text,
                  null,
                  to,
                  from,
                  List.copyOf(cc));
          account.record(c.id, email);
          Respond.json(ctx, 201, new PeopleJson(account).activity(email));
          return null;
        });
  }

  /**
   * POST /v1/candidates/{id}/attachments {filename, type, content+content_type | url}:
   * update_candidate.
   */
  public void addAttachment(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long id =
        onCandidate(
            ctx,
            c -> {
              Attachment a =
                  new PersonInput(account)
                      .attachment(body, PersonInput.CANDIDATE_ATTACHMENT_TYPES, c.id);
              List<Attachment> all = new ArrayList<>(c.attachments);
              all.add(a);
              c.attachments = List.copyOf(all);
              Respond.json(ctx, 201, PeopleJson.attachmentCreated(a));
              return c.id;
            });
    events.candidateUpdated(id);
  }

  /**
   * POST /v1/candidates/{id}/applications: a candidate application (job_id) or, with {@code
   * "prospect": "true"}, a prospect application. A boolean {@code true} answers 201 with {"errors":
   * [{"message":"Not found"}]} and creates nothing, as reported in the docs' PR #516.
   */
  public void addApplication(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    if (body.path("prospect").isBoolean() && body.path("prospect").asBoolean()) {
      ObjectNode odd = Json.object();
      odd.putArray("errors").addObject().put("message", "Not found");
      account.read(() -> CandidateHandlers.visible(account, Respond.pathId(ctx, "id")));
      Respond.json(ctx, 201, odd);
      return;
    }
    boolean prospect = "true".equalsIgnoreCase(body.path("prospect").asText());
    long appId =
        onCandidate(
            ctx,
            c -> {
              ApplicationInput input = new ApplicationInput(account);
              Application a =
                  prospect
                      ? input.prospectApplication(c, body, true)
                      : input.candidateApplication(c, body);
              input.attach(c, a);
              if (asyncDelay.isZero()) {
                Respond.json(ctx, 201, new PeopleJson(account).application(a));
              } else {
                // truncated to the new id while Greenhouse finishes creating it (docs, C6)
                a.visibleFrom = account.now() + asyncDelay.toMillis();
                Respond.json(ctx, 201, Json.object().put("id", a.id));
              }
              return a.id;
            });
    events.application(prospect ? "new_prospect_application" : "new_candidate_application", appId);
  }

  /** POST /v1/candidates/{id}/educations: 201 with the education. */
  public void addEducation(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long id =
        onCandidate(
            ctx,
            c -> {
              Education e = new PersonInput(account).education(body);
              List<Education> all = new ArrayList<>(c.educations);
              all.add(e);
              c.educations = List.copyOf(all);
              Respond.json(ctx, 201, new PeopleJson(account).education(e));
              return c.id;
            });
    events.candidateUpdated(id);
  }

  /** POST /v1/candidates/{id}/employments {company_name, title, start_date, end_date?}: 201. */
  public void addEmployment(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    long id =
        onCandidate(
            ctx,
            c -> {
              Employment e = new PersonInput(account).employment(body);
              List<Employment> all = new ArrayList<>(c.employments);
              all.add(e);
              c.employments = List.copyOf(all);
              Respond.json(ctx, 201, PeopleJson.employment(e));
              return c.id;
            });
    events.candidateUpdated(id);
  }

  /** GET /v1/candidates/{id}/activity_feed. */
  public void activityFeed(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.read(
        () -> {
          CandidateHandlers.visible(account, id);
          Respond.ok(ctx, new PeopleJson(account).activityFeed(id));
          return null;
        });
  }

  /**
   * PUT /v1/candidates/merge {primary_candidate_id, duplicate_candidate_id}: the duplicate's
   * applications, contacts, attachments and feed move to the primary; the duplicate ceases to
   * exist. Fires merge_candidate with the duplicate as it was; a duplicate's application on a job
   * the primary already applied to is dropped and fires delete_application, as documented.
   */
  public void merge(Context ctx) {
    ObjectNode body = Respond.body(ctx);
    if (!body.hasNonNull("primary_candidate_id")) {
      throw HarvestError.missing("primary_candidate_id");
    }
    if (!body.hasNonNull("duplicate_candidate_id")) {
      throw HarvestError.missing("duplicate_candidate_id");
    }
    long primaryId = body.get("primary_candidate_id").asLong();
    long duplicateId = body.get("duplicate_candidate_id").asLong();
    if (primaryId == duplicateId) {
      throw HarvestError.invalid("duplicate_candidate_id", "Cannot merge a candidate with itself");
    }
    List<ObjectNode> mergedAway = new ArrayList<>();
    ObjectNode loser =
        account.write(
            () -> {
              Candidate primary = CandidateHandlers.visible(account, primaryId);
              Candidate duplicate = CandidateHandlers.visible(account, duplicateId);
              ObjectNode before = new PeopleJson(account).candidate(duplicate);
              List<Long> apps = new ArrayList<>(primary.applicationIds);
              Set<Long> primaryJobs = candidateJobs(primary);
              for (long appId : duplicate.applicationIds) {
                Application app = account.applications.get(appId);
                if (!app.prospect && primaryJobs.contains(app.jobId())) {
                  // two applications on one job merge into the primary's; the other is deleted
                  mergedAway.add(new PeopleJson(account).application(app));
                  account.forget(app);
                  continue;
                }
                app.candidateId = primary.id;
                apps.add(appId);
              }
              primary.applicationIds = List.copyOf(apps);
              primary.emails = union(primary.emails, duplicate.emails);
              primary.phones = union(primary.phones, duplicate.phones);
              List<Attachment> attachments = new ArrayList<>(primary.attachments);
              attachments.addAll(duplicate.attachments);
              primary.attachments = List.copyOf(attachments);
              List<Activity> feed = account.activityFeeds.remove(duplicate.id);
              if (feed != null) {
                feed.forEach(a -> account.record(primary.id, a));
              }
              account.candidates.remove(duplicate.id);
              primary.updatedAt = account.now();
              primary.lastActivity = primary.updatedAt;
              Respond.ok(ctx, new PeopleJson(account).candidate(primary));
              return before;
            });
    events.candidateMerged(loser, primaryId);
    long actingUser = HarvestGuard.actingUser(ctx);
    mergedAway.forEach(app -> events.applicationDeleted(app, OptionalLong.of(actingUser)));
  }

  private Set<Long> candidateJobs(Candidate c) {
    Set<Long> jobs = new HashSet<>();
    for (long appId : c.applicationIds) {
      Application a = account.applications.get(appId);
      if (a != null && !a.prospect) {
        jobs.add(a.jobId());
      }
    }
    return jobs;
  }

  private static List<Contact> union(List<Contact> a, List<Contact> b) {
    LinkedHashSet<Contact> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** DELETE /v1/candidates/{id}: {"message":"Person N has been deleted."}; delete_candidate. */
  public void delete(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    List<Long> appIds = new ArrayList<>();
    ObjectNode deleted =
        account.write(
            () -> {
              Candidate c = CandidateHandlers.visible(account, id);
              ObjectNode before = new PeopleJson(account).candidate(c);
              appIds.addAll(c.applicationIds);
              c.applicationIds.forEach(
                  appId -> {
                    Application app = account.applications.get(appId);
                    if (app != null) {
                      account.forget(app);
                    }
                  });
              account.candidates.remove(id);
              account.activityFeeds.remove(id);
              return before;
            });
    ObjectNode answer = Json.object();
    answer.put("message", "Person " + id + " has been deleted.");
    Respond.ok(ctx, answer);
    events.candidateDeleted(deleted, appIds);
  }

  /** PUT /v1/candidates/{id}/anonymize?fields=full_name,emails,...: candidate_anonymized. */
  public void anonymize(Context ctx) {
    String raw = ctx.queryParam("fields");
    if (raw == null || raw.isBlank()) {
      JsonNode fromBody = ctx.bodyAsBytes().length == 0 ? null : Respond.body(ctx).get("fields");
      raw = fromBody == null ? null : fromBody.isArray() ? joined(fromBody) : fromBody.asText();
    }
    if (raw == null || raw.isBlank()) {
      throw HarvestError.missing("fields");
    }
    List<String> fields = List.of(raw.split("\\s*,\\s*"));
    long id =
        onCandidate(
            ctx,
            c -> {
              for (String f : fields) {
                switch (f) {
                  case "full_name" -> {
                    c.firstName = "Anonymized";
                    c.lastName = "Candidate";
                  }
                  case "current_company" -> c.company = null;
                  case "current_title" -> c.title = null;
                  case "emails" -> c.emails = List.of();
                  case "phones", "phone_numbers" -> c.phones = List.of();
                  case "addresses" -> c.addresses = List.of();
                  case "websites", "website_addresses" -> c.websites = List.of();
                  case "social_media_links", "social_media_addresses" -> c.socials = List.of();
                  case "tags" -> c.tags = List.of();
                  case "attachments" -> c.attachments = List.of();
                  case "education" -> c.educations = List.of();
                  case "employment" -> c.employments = List.of();
                  default -> {
                    // other documented fields (offers, scorecards, ...) hold nothing in the sandbox
                  }
                }
              }
              Respond.ok(ctx, new PeopleJson(account).candidate(c));
              return c.id;
            });
    events.candidateAnonymized(id, fields);
  }

  private static String joined(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(v -> parts.add(v.asText()));
    return String.join(",", parts);
  }
}
