package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.greenhouse.Contact;
import io.headhuntr.connector.greenhouse.EducationEntry;
import io.headhuntr.connector.greenhouse.EmploymentEntry;
import io.headhuntr.connector.greenhouse.FileEntry;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.JobApplication;
import io.headhuntr.connector.greenhouse.NewPerson;
import io.headhuntr.connector.greenhouse.NoteEntry;
import io.headhuntr.connector.greenhouse.ProspectApplication;
import io.headhuntr.connector.greenhouse.Referral;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a stored push request into the Greenhouse port's write records: education text resolved to
 * lookup ids (what does not resolve goes into a note and a warning), the source by the default
 * chain (request, tenant setting, a source named like the platform, none), credit to the acting
 * user by default.
 */
final class PushRequests {
  /** A push request resolved for Greenhouse. */
  record Resolved(
      JsonNode person,
      JsonNode target,
      List<EducationEntry> educations,
      List<EmploymentEntry> employments,
      List<NoteEntry> notes,
      List<FileEntry> attachments,
      Long sourceId,
      Referral referrer,
      ArrayNode warnings) {

    List<String> emails() {
      List<String> out = new ArrayList<>();
      person.path("email_addresses").forEach(e -> out.add(e.path("value").asText()));
      return out;
    }

    boolean isCandidate() {
      return target.path("type").asText().equals("candidate");
    }

    long jobId() {
      return target.path("job_id").asLong();
    }

    List<Long> jobIds() {
      List<Long> ids = new ArrayList<>();
      target.path("job_ids").forEach(j -> ids.add(j.asLong()));
      return ids;
    }

    Long poolId() {
      return target.hasNonNull("prospect_pool_id") ? target.get("prospect_pool_id").asLong() : null;
    }

    Long poolStageId() {
      return target.hasNonNull("prospect_pool_stage_id")
          ? target.get("prospect_pool_stage_id").asLong()
          : null;
    }
  }

  private final TenantLookups lookups;
  private final String platformSourceName;

  PushRequests(TenantLookups lookups, String platformSourceName) {
    this.lookups = lookups;
    this.platformSourceName = platformSourceName;
  }

  Resolved resolve(PushRow push, Greenhouse client, PushSettings settings) {
    JsonNode req = push.request();
    JsonNode person = req.get("person");
    ArrayNode warnings = Json.mapper().createArrayNode();
    List<NoteEntry> notes = new ArrayList<>();
    long author = push.greenhouseUserId();
    List<EducationEntry> educations = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    int i = 0;
    for (JsonNode e : person.path("educations")) {
      String at = "person.educations[" + i++ + "]";
      Long school =
          id(e, "school", at, warnings, unmatched, n -> lookups.school(push.tenantId(), client, n));
      Long degree =
          id(e, "degree", at, warnings, unmatched, n -> lookups.degree(push.tenantId(), client, n));
      Long discipline =
          id(
              e,
              "discipline",
              at,
              warnings,
              unmatched,
              n -> lookups.discipline(push.tenantId(), client, n));
      if (school != null || degree != null || discipline != null) {
        educations.add(
            new EducationEntry(
                Optional.ofNullable(school),
                Optional.ofNullable(degree),
                Optional.ofNullable(discipline),
                date(e, "start_date"),
                date(e, "end_date")));
      }
    }
    if (!unmatched.isEmpty()) {
      notes.add(
          new NoteEntry(
              author,
              "Education (not matched to Greenhouse's lists):\n" + String.join("\n", unmatched),
              "public"));
    }
    List<EmploymentEntry> employments = new ArrayList<>();
    for (JsonNode e : person.path("employments")) {
      employments.add(
          new EmploymentEntry(
              e.get("company_name").asText(),
              e.get("title").asText(),
              date(e, "start_date"),
              date(e, "end_date")));
    }
    for (JsonNode n : person.path("notes")) {
      notes.add(new NoteEntry(author, n.get("body").asText(), n.get("visibility").asText()));
    }
    List<FileEntry> attachments = new ArrayList<>();
    for (JsonNode a : req.path("attachments")) {
      attachments.add(
          a.hasNonNull("url")
              ? FileEntry.ofUrl(
                  a.get("filename").asText(), a.get("type").asText(), a.get("url").asText())
              : FileEntry.ofContent(
                  a.get("filename").asText(),
                  a.get("type").asText(),
                  a.get("content").asText(),
                  a.get("content_type").asText()));
    }
    Long source =
        req.hasNonNull("source_id")
            ? Long.valueOf(req.get("source_id").asLong())
            : settings
                .defaultSourceId()
                .or(() -> lookups.sourceNamed(push.tenantId(), client, platformSourceName))
                .orElse(null);
    JsonNode r = req.get("referrer");
    Referral referrer =
        r == null
            ? new Referral.User(author)
            : switch (r.get("type").asText()) {
              case "id" -> new Referral.User(r.get("value").asLong());
              case "email" -> new Referral.UserEmail(r.get("value").asText());
              default -> new Referral.Outside(r.get("value").asText());
            };
    return new Resolved(
        person,
        req.get("target"),
        educations,
        employments,
        notes,
        attachments,
        source,
        referrer,
        warnings);
  }

  /**
   * The person to create, with their educations, employments and notes ({@code withParts}), or
   * without them (they are then written one by one after the person exists).
   */
  NewPerson person(Resolved r, boolean withParts) {
    JsonNode p = r.person();
    return new NewPerson(
        p.get("first_name").asText(),
        p.get("last_name").asText(),
        text(p, "company"),
        text(p, "title"),
        contacts(p, "phone_numbers"),
        contacts(p, "addresses"),
        contacts(p, "email_addresses"),
        contacts(p, "website_addresses"),
        contacts(p, "social_media_addresses"),
        withParts ? r.educations() : List.of(),
        withParts ? r.employments() : List.of(),
        tags(p),
        withParts ? r.notes() : List.of());
  }

  /**
   * The candidate application for the target job, with the push's files ({@code withFiles}) or
   * without them (they are then attached one by one).
   */
  JobApplication applicationOnJob(Resolved r, boolean withFiles) {
    return new JobApplication(
        r.jobId(),
        Optional.ofNullable(r.sourceId()),
        r.referrer(),
        r.target().hasNonNull("initial_stage_id")
            ? Optional.of(r.target().get("initial_stage_id").asLong())
            : Optional.empty(),
        withFiles ? r.attachments() : List.of());
  }

  /**
   * The prospect application: owner as asked (an adapter that cannot set some of it on a new
   * prospect says so), pool and stage when {@code withPool} (otherwise they are set afterwards),
   * the push's files when {@code withFiles} (otherwise they are attached one by one).
   */
  ProspectApplication prospectApplication(Resolved r, boolean withFiles, boolean withPool) {
    return new ProspectApplication(
        r.jobIds(),
        Optional.ofNullable(r.sourceId()),
        r.referrer(),
        withPool ? Optional.ofNullable(r.poolId()) : Optional.empty(),
        withPool ? Optional.ofNullable(r.poolStageId()) : Optional.empty(),
        r.target().hasNonNull("prospect_owner_id")
            ? Optional.of(r.target().get("prospect_owner_id").asLong())
            : Optional.empty(),
        withFiles ? r.attachments() : List.of());
  }

  private static Long id(
      JsonNode e,
      String field,
      String at,
      ArrayNode warnings,
      List<String> unmatched,
      java.util.function.Function<String, Optional<Long>> lookup) {
    if (!e.hasNonNull(field)) {
      return null;
    }
    String name = e.get(field).asText();
    Optional<Long> id = lookup.apply(name);
    if (id.isEmpty()) {
      unmatched.add(field + ": " + name + span(e));
      warnings
          .addObject()
          .put("field", at + "." + field)
          .put(
              "message",
              "no Greenhouse "
                  + field
                  + " named '"
                  + name
                  + "' (or the key may not list them); kept in a note");
    }
    return id.orElse(null);
  }

  private static String span(JsonNode e) {
    String from = e.hasNonNull("start_date") ? e.get("start_date").asText().substring(0, 7) : "";
    String to = e.hasNonNull("end_date") ? e.get("end_date").asText().substring(0, 7) : "";
    return from.isEmpty() && to.isEmpty() ? "" : " (" + from + " to " + to + ")";
  }

  private static Optional<Instant> date(JsonNode e, String field) {
    return e.hasNonNull(field)
        ? Optional.of(Instant.parse(e.get(field).asText()))
        : Optional.empty();
  }

  private static Optional<String> text(JsonNode p, String field) {
    return p.hasNonNull(field) ? Optional.of(p.get(field).asText()) : Optional.empty();
  }

  private static List<Contact> contacts(JsonNode p, String field) {
    List<Contact> out = new ArrayList<>();
    p.path(field)
        .forEach(
            c ->
                out.add(
                    new Contact(
                        c.get("value").asText(),
                        c.hasNonNull("type")
                            ? Optional.of(c.get("type").asText())
                            : Optional.empty())));
    return out;
  }

  private static List<String> tags(JsonNode p) {
    List<String> out = new ArrayList<>();
    p.path("tags").forEach(t -> out.add(t.asText()));
    return out;
  }
}
