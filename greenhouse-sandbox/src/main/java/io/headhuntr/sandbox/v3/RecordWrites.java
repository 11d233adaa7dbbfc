package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.harvest.ApplicationHandlers;
import io.headhuntr.sandbox.harvest.PeopleChanges;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.http.Times;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Activity;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Education;
import io.headhuntr.sandbox.store.Employment;
import io.javalin.http.Context;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v3/notes}, {@code /v3/attachments}, {@code /v3/candidate_educations} and {@code
 * /v3/candidate_employments}: each 201 with the new record. Attachments and background entries fire
 * the webhook their v1 counterparts fire (application_updated, update_candidate).
 */
final class RecordWrites {
  static final Shape.Fields NOTE =
      new Shape.Fields(
          Map.of(
              "user_id", Shape.ID,
              "body", Shape.TEXT,
              "visibility", Shape.TEXT,
              "candidate_id", Shape.ID,
              "application_id", Shape.ID,
              "note_type", Shape.TEXT));

  static final Shape.Fields ATTACHMENT =
      new Shape.Fields(
          Map.of(
              "application_id", Shape.ID,
              "filename", Shape.TEXT,
              "type", Shape.TEXT,
              "content", Shape.TEXT,
              "url", Shape.TEXT,
              "content_type", Shape.TEXT,
              "visibility", Shape.TEXT));

  static final Shape.Fields EDUCATION =
      new Shape.Fields(
          Map.of(
              "candidate_id", Shape.ID,
              "school_id", Shape.ID,
              "degree_id", Shape.ID,
              "discipline_id", Shape.ID,
              "start_on", Shape.TEXT,
              "end_on", Shape.TEXT));

  static final Shape.Fields EMPLOYMENT =
      new Shape.Fields(
          Map.of(
              "candidate_id", Shape.ID,
              "company_name", Shape.TEXT,
              "title", Shape.TEXT,
              "start_on", Shape.TEXT,
              "end_on", Shape.TEXT));

  static final Set<String> VISIBILITIES = Set.of("admin_only", "private", "public");
  static final Set<String> ATTACHMENT_TYPES =
      Set.of("resume", "cover_letter", "admin_only", "offer_packet", "other");

  private final Account account;
  private final Events events;

  RecordWrites(Account account, Events events) {
    this.account = account;
    this.events = events;
  }

  /** POST /v3/notes: user_id, body, visibility, candidate_id and/or application_id, note_type. */
  void note(Context ctx) {
    V3Body body = V3Body.read(ctx, NOTE);
    long author = body.requiredId("user_id");
    String text = body.requiredText("body");
    String visibility = oneOf(body, "visibility", VISIBILITIES, null);
    String type = body.has("note_type") ? body.text("note_type") : "NOTE";
    Activity.Kind kind;
    try {
      kind = Activity.Kind.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw V3Failure.invalid("note_type", "must be one of NOTE, ACTIVITY, EMAIL");
    }
    if (!body.has("candidate_id") && !body.has("application_id")) {
      throw V3Failure.required("candidate_id");
    }
    account.write(
        () -> {
          V3Change.user(account, author, "user_id");
          long appId = body.id("application_id");
          long candidateId = body.id("candidate_id");
          if (appId != 0) {
            Application a = account.applications.get(appId);
            if (!account.visible(a)) {
              throw V3Failure.invalid("application_id", "names no application: " + appId);
            }
            if (candidateId != 0 && candidateId != a.candidateId) {
              throw V3Failure.invalid(
                  "application_id",
                  "belongs to candidate " + a.candidateId + ", not " + candidateId);
            }
            candidateId = a.candidateId;
          }
          Candidate c = V3Change.candidateRef(account, candidateId, "candidate_id");
          Activity note =
              new Activity(
                  account.newId(),
                  kind,
                  account.now(),
                  author,
                  null,
                  text,
                  visibility,
                  null,
                  null,
                  List.of());
          account.recordNote(c.id, appId, note);
          c.updatedAt = account.now();
          c.lastActivity = c.updatedAt;
          Respond.json(ctx, 201, PeopleRecords.note(note, c.id, appId));
          return null;
        });
  }

  /**
   * POST /v3/attachments: application_id, filename, type, content (base64) xor url; a new resume or
   * cover letter turns the application's previous one into "other". application_updated.
   */
  void attachment(Context ctx) {
    V3Body body = V3Body.read(ctx, ATTACHMENT);
    long appId = body.requiredId("application_id");
    body.requiredText("filename");
    String type = oneOf(body, "type", ATTACHMENT_TYPES, null);
    String visibility = oneOf(body, "visibility", VISIBILITIES, "public");
    boolean content = body.has("content");
    if (content == body.has("url")) {
      throw V3Failure.invalid(
          "content", "give either content (base64) or url, not both or neither");
    }
    if (content) {
      try {
        Base64.getDecoder().decode(body.text("content").replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw V3Failure.invalid("content", "is not base64");
      }
    }
    ObjectNode v1 = body.json().deepCopy();
    if (content && !v1.hasNonNull("content_type")) {
      v1.put("content_type", "application/octet-stream");
    }
    account.write(
        () -> {
          Application a = account.applications.get(appId);
          if (!account.visible(a)) {
            throw V3Failure.invalid("application_id", "names no application: " + appId);
          }
          Attachment made =
              new PeopleChanges(account).attachment(v1, ATTACHMENT_TYPES, a.candidateId);
          Attachment file =
              new Attachment(
                  made.id(),
                  made.filename(),
                  made.url(),
                  made.type(),
                  made.contentType(),
                  visibility,
                  made.createdAt());
          List<Attachment> all = new ArrayList<>();
          for (Attachment old : a.attachments) {
            boolean replaced =
                (type.equals("resume") || type.equals("cover_letter")) && old.type().equals(type);
            all.add(replaced ? old.withType("other") : old);
          }
          all.add(file);
          a.attachments = List.copyOf(all);
          ApplicationHandlers.touch(account, a);
          Respond.json(ctx, 201, PeopleRecords.attachment(file, a.candidateId, a.id));
          return null;
        });
    events.application("application_updated", appId);
  }

  /**
   * POST /v3/candidate_educations: candidate_id, school/degree/discipline ids, start_on, end_on.
   */
  void education(Context ctx) {
    V3Body body = V3Body.read(ctx, EDUCATION);
    long candidateId = body.requiredId("candidate_id");
    long start = date(body, "start_on");
    long end = date(body, "end_on");
    long id =
        account.write(
            () -> {
              Candidate c = V3Change.candidateRef(account, candidateId, "candidate_id");
              Education e =
                  new Education(
                      account.newId(),
                      lookup(body, "school_id", account.schools),
                      lookup(body, "degree_id", account.degrees),
                      lookup(body, "discipline_id", account.disciplines),
                      start,
                      end,
                      account.now());
              List<Education> all = new ArrayList<>(c.educations);
              all.add(e);
              c.educations = List.copyOf(all);
              touch(c);
              Respond.json(ctx, 201, PeopleRecords.education(e, c));
              return c.id;
            });
    events.candidateUpdated(id);
  }

  /** POST /v3/candidate_employments: candidate_id, company_name, title, start_on, end_on. */
  void employment(Context ctx) {
    V3Body body = V3Body.read(ctx, EMPLOYMENT);
    long candidateId = body.requiredId("candidate_id");
    String company = body.requiredText("company_name");
    String title = body.requiredText("title");
    long start = date(body, "start_on");
    long end = date(body, "end_on");
    long id =
        account.write(
            () -> {
              Candidate c = V3Change.candidateRef(account, candidateId, "candidate_id");
              Employment e =
                  new Employment(account.newId(), company, title, start, end, account.now());
              List<Employment> all = new ArrayList<>(c.employments);
              all.add(e);
              c.employments = List.copyOf(all);
              touch(c);
              Respond.json(ctx, 201, PeopleRecords.employment(e, c));
              return c.id;
            });
    events.candidateUpdated(id);
  }

  private void touch(Candidate c) {
    c.updatedAt = account.now();
    c.lastActivity = c.updatedAt;
  }

  private static long lookup(V3Body body, String field, Map<Long, ?> rows) {
    long id = body.id(field);
    if (id != 0 && !rows.containsKey(id)) {
      throw V3Failure.invalid(field, "names no custom field option: " + id);
    }
    return id;
  }

  private static long date(V3Body body, String field) {
    String raw = body.text(field);
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    try {
      return Times.parse(raw);
    } catch (DateTimeParseException e) {
      throw V3Failure.invalid(field, "must be a date (yyyy-mm-dd)");
    }
  }

  /** A required (fallback null) or optional text field limited to some values. */
  private static String oneOf(V3Body body, String field, Set<String> allowed, String fallback) {
    String value = fallback == null ? body.requiredText(field) : body.text(field);
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw V3Failure.invalid(
          field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }
}
