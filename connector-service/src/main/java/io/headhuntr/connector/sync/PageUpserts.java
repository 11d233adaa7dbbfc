package io.headhuntr.connector.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.MirrorStore;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A whole page of candidates or applications upserted in a few statements ({@code
 * jsonb_to_recordset}), with the mirror's own guard ({@link MirrorStore#guardCondition}): a row is
 * replaced only when the incoming version is the same or newer to the second (webhook times carry
 * whole seconds, Harvest's milliseconds), and a tombstone is never revived. The mirror's
 * repositories write one row per statement, which caps a backfill at a few hundred candidates per
 * second; this is the same write, batched. A candidate's e-mails are replaced only when its row
 * changed, as the repository does.
 */
final class PageUpserts {
  private static final String CANDIDATE_COLUMNS =
      "candidate_id bigint, first_name text, last_name text, company text, title text,"
          + " is_private boolean, can_email boolean, external_id text, recruiter jsonb,"
          + " coordinator jsonb, phone_numbers jsonb, addresses jsonb, website_addresses jsonb,"
          + " social_media_addresses jsonb, educations jsonb, employments jsonb, attachments jsonb,"
          + " tags jsonb, custom_fields jsonb, created_at timestamptz, updated_at timestamptz,"
          + " last_activity_at timestamptz, version timestamptz";
  private static final List<String> CANDIDATE_LISTS =
      List.of(
          "phone_numbers",
          "addresses",
          "website_addresses",
          "social_media_addresses",
          "educations",
          "employments",
          "attachments",
          "tags");
  private static final String APPLICATION_COLUMNS =
      "application_id bigint, candidate_id bigint, prospect boolean, status text,"
          + " current_stage_id bigint, current_stage_name text, applied_at timestamptz,"
          + " rejected_at timestamptz, rejection_reason jsonb, rejection_details jsonb,"
          + " prospect_pool jsonb, prospect_stage jsonb, prospect_owner jsonb, source jsonb,"
          + " credited_to jsonb, job_ids bigint[], offer jsonb, custom_fields jsonb,"
          + " hired_at timestamptz, last_activity_at timestamptz, version timestamptz";

  private PageUpserts() {}

  /** A page of candidates as the statements bind it: rows and e-mails in JSON. */
  record CandidatesJson(int count, String rows, String emails) {}

  /** A page of applications as the statement binds it. */
  record ApplicationsJson(int count, String rows) {}

  /** Serializes the candidates (the last of two with one id wins); runs off the writing thread. */
  static CandidatesJson candidatesJson(Collection<CandidateRow> rows) {
    Map<Long, CandidateRow> unique = new LinkedHashMap<>();
    rows.forEach(r -> unique.put(r.id(), r));
    ArrayNode json = MirrorJson.MAPPER.createArrayNode();
    ArrayNode emails = MirrorJson.MAPPER.createArrayNode();
    for (CandidateRow r : unique.values()) {
      ObjectNode o = json.addObject();
      o.put("candidate_id", r.id());
      o.put("first_name", r.firstName());
      o.put("last_name", r.lastName());
      o.put("company", r.company());
      o.put("title", r.title());
      o.put("is_private", r.isPrivate());
      o.put("can_email", r.canEmail());
      o.put("external_id", r.externalId());
      o.set("recruiter", r.recruiter());
      o.set("coordinator", r.coordinator());
      o.set("phone_numbers", r.phoneNumbers());
      o.set("addresses", r.addresses());
      o.set("website_addresses", r.websiteAddresses());
      o.set("social_media_addresses", r.socialMediaAddresses());
      o.set("educations", r.educations());
      o.set("employments", r.employments());
      o.set("attachments", r.attachments());
      o.set("tags", r.tags());
      o.set("custom_fields", r.customFields());
      o.put("created_at", text(r.createdAt()));
      o.put("updated_at", text(r.updatedAt()));
      o.put("last_activity_at", text(r.lastActivityAt()));
      o.put("version", text(r.version()));
      addEmails(emails, r);
    }
    return new CandidatesJson(unique.size(), write(json), emails.isEmpty() ? null : write(emails));
  }

  /** Upserts the candidates; returns the ids whose rows were inserted or replaced. */
  static List<Long> candidates(Handle h, UUID tenant, CandidatesJson page) {
    if (page.count() == 0) {
      return List.of();
    }
    String lists =
        String.join(
            ", ", CANDIDATE_LISTS.stream().map(c -> "coalesce(x." + c + ", '[]')").toList());
    String updates =
        String.join(
            ", ",
            List.of(
                    "first_name",
                    "last_name",
                    "company",
                    "title",
                    "is_private",
                    "can_email",
                    "external_id",
                    "recruiter",
                    "coordinator",
                    "phone_numbers",
                    "addresses",
                    "website_addresses",
                    "social_media_addresses",
                    "educations",
                    "employments",
                    "attachments",
                    "tags",
                    "custom_fields",
                    "created_at",
                    "updated_at",
                    "last_activity_at",
                    "version")
                .stream()
                .map(c -> c + " = excluded." + c)
                .toList());
    List<Long> changed =
        h.createQuery(
                "insert into mirror_candidate as m (tenant_id, candidate_id, first_name, last_name,"
                    + " company, title, is_private, can_email, external_id, recruiter, coordinator,"
                    + " phone_numbers, addresses, website_addresses, social_media_addresses,"
                    + " educations, employments, attachments, tags, custom_fields, created_at,"
                    + " updated_at, last_activity_at, version, mirrored_at)"
                    + " select :t, x.candidate_id, x.first_name, x.last_name, x.company, x.title,"
                    + " x.is_private, x.can_email, x.external_id, x.recruiter, x.coordinator, "
                    + lists
                    + ", coalesce(x.custom_fields, '{}'), x.created_at, x.updated_at,"
                    + " x.last_activity_at, x.version, now()"
                    + " from jsonb_to_recordset(cast(:rows as jsonb)) as x("
                    + CANDIDATE_COLUMNS
                    + ") on conflict (tenant_id, candidate_id) do update set "
                    + updates
                    + ", mirrored_at = now() where "
                    + MirrorStore.guardCondition("m")
                    + " returning m.candidate_id")
            .bind("t", tenant)
            .bind("rows", page.rows())
            .mapTo(Long.class)
            .list();
    if (changed.isEmpty()) {
      return changed;
    }
    h.createUpdate(
            "delete from mirror_candidate_email where tenant_id = :t and candidate_id = any(:ids)")
        .bind("t", tenant)
        .bindArray("ids", Long.class, changed)
        .execute();
    if (page.emails() != null) {
      h.createUpdate(
              "insert into mirror_candidate_email (tenant_id, candidate_id, position, email, type)"
                  + " select :t, x.candidate_id, x.position, x.email, x.type"
                  + " from jsonb_to_recordset(cast(:rows as jsonb))"
                  + " as x(candidate_id bigint, position int, email text, type text)"
                  + " where x.candidate_id = any(:ids)")
          .bind("t", tenant)
          .bind("rows", page.emails())
          .bindArray("ids", Long.class, changed)
          .execute();
    }
    return changed;
  }

  /** Serializes the applications (the last of two with one id wins). */
  static ApplicationsJson applicationsJson(Collection<ApplicationRow> rows) {
    Map<Long, ApplicationRow> unique = new LinkedHashMap<>();
    rows.forEach(r -> unique.put(r.id(), r));
    ArrayNode json = MirrorJson.MAPPER.createArrayNode();
    for (ApplicationRow r : unique.values()) {
      ObjectNode o = json.addObject();
      o.put("application_id", r.id());
      o.put("candidate_id", r.candidateId());
      o.put("prospect", r.prospect());
      o.put("status", r.status());
      o.put("current_stage_id", r.currentStageId());
      o.put("current_stage_name", r.currentStageName());
      o.put("applied_at", text(r.appliedAt()));
      o.put("rejected_at", text(r.rejectedAt()));
      o.set("rejection_reason", r.rejectionReason());
      o.set("rejection_details", r.rejectionDetails());
      o.set("prospect_pool", r.prospectPool());
      o.set("prospect_stage", r.prospectStage());
      o.set("prospect_owner", r.prospectOwner());
      o.set("source", r.source());
      o.set("credited_to", r.creditedTo());
      ArrayNode jobs = o.putArray("job_ids");
      r.jobIds().forEach(jobs::add);
      o.set("offer", r.offer());
      o.set("custom_fields", r.customFields());
      o.put("hired_at", text(r.hiredAt()));
      o.put("last_activity_at", text(r.lastActivityAt()));
      o.put("version", text(r.version()));
    }
    return new ApplicationsJson(unique.size(), write(json));
  }

  /** Upserts the applications; returns how many rows were inserted or replaced. */
  static int applications(Handle h, UUID tenant, ApplicationsJson page) {
    if (page.count() == 0) {
      return 0;
    }
    List<String> columns =
        List.of(
            "candidate_id",
            "prospect",
            "status",
            "current_stage_id",
            "current_stage_name",
            "applied_at",
            "rejected_at",
            "rejection_reason",
            "rejection_details",
            "prospect_pool",
            "prospect_stage",
            "prospect_owner",
            "source",
            "credited_to",
            "job_ids",
            "offer",
            "custom_fields",
            "hired_at",
            "last_activity_at",
            "version");
    String updates = String.join(", ", columns.stream().map(c -> c + " = excluded." + c).toList());
    return h.createUpdate(
            "insert into mirror_application as m (tenant_id, application_id, "
                + String.join(", ", columns)
                + ", mirrored_at) select :t, x.application_id, x.candidate_id, x.prospect,"
                + " x.status, x.current_stage_id, x.current_stage_name, x.applied_at,"
                + " x.rejected_at, x.rejection_reason, x.rejection_details, x.prospect_pool,"
                + " x.prospect_stage, x.prospect_owner, x.source, x.credited_to,"
                + " coalesce(x.job_ids, '{}'), x.offer, coalesce(x.custom_fields, '{}'),"
                + " x.hired_at, x.last_activity_at, x.version, now()"
                + " from jsonb_to_recordset(cast(:rows as jsonb)) as x("
                + APPLICATION_COLUMNS
                + ") on conflict (tenant_id, application_id) do update set "
                + updates
                + ", mirrored_at = now() where "
                + MirrorStore.guardCondition("m"))
        .bind("t", tenant)
        .bind("rows", page.rows())
        .execute();
  }

  private static void addEmails(ArrayNode emails, CandidateRow r) {
    JsonNode list = r.emailAddresses();
    if (list == null || !list.isArray()) {
      return;
    }
    int position = 0;
    for (JsonNode email : list) {
      String value = email.path("value").asText("").trim();
      if (value.isEmpty()) {
        continue;
      }
      emails
          .addObject()
          .put("candidate_id", r.id())
          .put("position", position++)
          .put("email", value)
          .put("type", email.hasNonNull("type") ? email.get("type").asText() : null);
    }
  }

  private static String text(java.time.Instant t) {
    return t == null ? null : t.toString();
  }

  private static String write(JsonNode node) {
    try {
      return MirrorJson.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
