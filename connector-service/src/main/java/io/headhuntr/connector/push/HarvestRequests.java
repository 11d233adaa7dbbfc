package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.harvest.ContactDetail;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.NewApplication;
import io.headhuntr.harvest.NewAttachment;
import io.headhuntr.harvest.NewCandidate;
import io.headhuntr.harvest.NewEducation;
import io.headhuntr.harvest.NewEmployment;
import io.headhuntr.harvest.NewNote;
import io.headhuntr.harvest.NewProspect;
import io.headhuntr.harvest.NewProspectApplication;
import io.headhuntr.harvest.Referrer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a stored push request into Harvest request records: education text resolved to lookup ids
 * (what does not resolve goes into a note and a warning), the source by the default chain (request,
 * tenant setting, a source named like the platform, none), credit to the acting user by default.
 */
final class HarvestRequests {
  /** A push request resolved for Greenhouse. */
  record Resolved(
      JsonNode person,
      JsonNode target,
      List<NewEducation> educations,
      List<NewEmployment> employments,
      List<NewNote> notes,
      List<NewAttachment> attachments,
      Long sourceId,
      Referrer referrer,
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

  HarvestRequests(TenantLookups lookups, String platformSourceName) {
    this.lookups = lookups;
    this.platformSourceName = platformSourceName;
  }

  Resolved resolve(PushRow push, HarvestClient client, CallRecorder calls, PushSettings settings) {
    JsonNode req = push.request();
    JsonNode person = req.get("person");
    ArrayNode warnings = Json.mapper().createArrayNode();
    List<NewNote> notes = new ArrayList<>();
    long author = push.greenhouseUserId();
    List<NewEducation> educations = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    int i = 0;
    for (JsonNode e : person.path("educations")) {
      String at = "person.educations[" + i++ + "]";
      Long school =
          id(
              e,
              "school",
              at,
              warnings,
              unmatched,
              n -> lookups.school(push.tenantId(), client, calls, n));
      Long degree =
          id(
              e,
              "degree",
              at,
              warnings,
              unmatched,
              n -> lookups.degree(push.tenantId(), client, calls, n));
      Long discipline =
          id(
              e,
              "discipline",
              at,
              warnings,
              unmatched,
              n -> lookups.discipline(push.tenantId(), client, calls, n));
      if (school != null || degree != null || discipline != null) {
        educations.add(
            new NewEducation(
                school, discipline, degree, date(e, "start_date"), date(e, "end_date")));
      }
    }
    if (!unmatched.isEmpty()) {
      notes.add(
          new NewNote(
              author,
              "Education (not matched to Greenhouse's lists):\n" + String.join("\n", unmatched),
              "public"));
    }
    List<NewEmployment> employments = new ArrayList<>();
    for (JsonNode e : person.path("employments")) {
      employments.add(
          new NewEmployment(
              e.get("company_name").asText(),
              e.get("title").asText(),
              date(e, "start_date"),
              date(e, "end_date")));
    }
    for (JsonNode n : person.path("notes")) {
      notes.add(new NewNote(author, n.get("body").asText(), n.get("visibility").asText()));
    }
    List<NewAttachment> attachments = new ArrayList<>();
    for (JsonNode a : req.path("attachments")) {
      attachments.add(
          a.hasNonNull("url")
              ? NewAttachment.ofUrl(
                  a.get("filename").asText(), a.get("type").asText(), a.get("url").asText())
              : new NewAttachment(
                  a.get("filename").asText(),
                  a.get("type").asText(),
                  a.get("content").asText(),
                  a.get("content_type").asText(),
                  null,
                  null));
    }
    Long source =
        req.hasNonNull("source_id")
            ? Long.valueOf(req.get("source_id").asLong())
            : settings
                .defaultSourceId()
                .or(() -> lookups.sourceNamed(push.tenantId(), client, calls, platformSourceName))
                .orElse(null);
    JsonNode r = req.get("referrer");
    Referrer referrer =
        r == null
            ? Referrer.user(author)
            : new Referrer(
                r.get("type").asText(),
                r.get("type").asText().equals("id")
                    ? (Object) r.get("value").asLong()
                    : r.get("value").asText());
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

  NewCandidate candidate(Resolved r) {
    NewApplication app = applicationOnJob(r).withAttachments(nullIfEmpty(r.attachments()));
    JsonNode p = r.person();
    return new NewCandidate(
        p.get("first_name").asText(),
        p.get("last_name").asText(),
        text(p, "company"),
        text(p, "title"),
        null,
        contacts(p, "phone_numbers"),
        contacts(p, "addresses"),
        contacts(p, "email_addresses"),
        contacts(p, "website_addresses"),
        contacts(p, "social_media_addresses"),
        nullIfEmpty(r.educations()),
        nullIfEmpty(r.employments()),
        tags(p),
        null,
        null,
        null,
        nullIfEmpty(r.notes()),
        List.of(app));
  }

  NewProspect prospect(Resolved r) {
    JsonNode p = r.person();
    NewProspectApplication app =
        new NewProspectApplication(
            r.jobIds(), r.sourceId(), r.referrer(), null, nullIfEmpty(r.attachments()));
    return new NewProspect(
        p.get("first_name").asText(),
        p.get("last_name").asText(),
        text(p, "company"),
        text(p, "title"),
        null,
        contacts(p, "phone_numbers"),
        contacts(p, "addresses"),
        contacts(p, "email_addresses"),
        contacts(p, "website_addresses"),
        contacts(p, "social_media_addresses"),
        nullIfEmpty(r.educations()),
        nullIfEmpty(r.employments()),
        tags(p),
        null,
        null,
        null,
        nullIfEmpty(r.notes()),
        app);
  }

  /** The candidate application for the target job (attachments added by the caller). */
  NewApplication applicationOnJob(Resolved r) {
    NewApplication app = NewApplication.forJob(r.jobId()).withReferrer(r.referrer());
    if (r.target().hasNonNull("initial_stage_id")) {
      app = app.withInitialStage(r.target().get("initial_stage_id").asLong());
    }
    return r.sourceId() == null ? app : app.withSource(r.sourceId());
  }

  /** A prospect application for an existing person (pool, stage and owner settable here). */
  NewApplication prospectApplication(Resolved r, Optional<Long> ownerGreenhouseId) {
    NewApplication app = NewApplication.prospect(r.jobIds()).withReferrer(r.referrer());
    if (r.sourceId() != null) {
      app = app.withSource(r.sourceId());
    }
    if (r.poolId() != null) {
      app = app.withProspectPool(r.poolId(), r.poolStageId());
    }
    return ownerGreenhouseId.map(app::withProspectOwner).orElse(app);
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

  private static Instant date(JsonNode e, String field) {
    return e.hasNonNull(field) ? Instant.parse(e.get(field).asText()) : null;
  }

  private static String text(JsonNode p, String field) {
    return p.hasNonNull(field) ? p.get(field).asText() : null;
  }

  private static List<ContactDetail> contacts(JsonNode p, String field) {
    List<ContactDetail> out = new ArrayList<>();
    p.path(field)
        .forEach(
            c ->
                out.add(
                    new ContactDetail(
                        c.get("value").asText(),
                        c.hasNonNull("type") ? c.get("type").asText() : null)));
    return nullIfEmpty(out);
  }

  private static List<String> tags(JsonNode p) {
    List<String> out = new ArrayList<>();
    p.path("tags").forEach(t -> out.add(t.asText()));
    return nullIfEmpty(out);
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list == null || list.isEmpty() ? null : List.copyOf(list);
  }
}
