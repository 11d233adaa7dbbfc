package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The mirrored candidates and their e-mail addresses (kept in their own table for case-insensitive
 * lookup), with the erasure rules of {@code delete_candidate}, {@code candidate_anonymized} and
 * merges.
 */
public final class CandidateRepository {
  private static final Set<String> JSON =
      Set.of(
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
          "custom_fields");
  private static final GuardedUpsert UPSERT =
      new GuardedUpsert("mirror_candidate", "candidate_id", JSON, Set.of());

  /** Upserts the candidate under the version guard; its e-mails follow when the row changed. */
  public UpsertResult upsert(Handle handle, UUID tenantId, CandidateRow row) {
    return upsert(handle, tenantId, row, Optional.empty());
  }

  /**
   * As {@link #upsert(Handle, UUID, CandidateRow)}, given the mirrored row the caller read in this
   * transaction: the e-mail rows are left alone when the addresses did not change.
   */
  public UpsertResult upsert(
      Handle handle, UUID tenantId, CandidateRow row, Optional<CandidateRow> before) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("first_name", row.firstName());
    v.put("last_name", row.lastName());
    v.put("company", row.company());
    v.put("title", row.title());
    v.put("is_private", row.isPrivate());
    v.put("can_email", row.canEmail());
    v.put("external_id", row.externalId());
    v.put("recruiter", MirrorJson.write(nullIfJsonNull(row.recruiter())));
    v.put("coordinator", MirrorJson.write(nullIfJsonNull(row.coordinator())));
    v.put("phone_numbers", MirrorJson.writeOr(row.phoneNumbers(), "[]"));
    v.put("addresses", MirrorJson.writeOr(row.addresses(), "[]"));
    v.put("website_addresses", MirrorJson.writeOr(row.websiteAddresses(), "[]"));
    v.put("social_media_addresses", MirrorJson.writeOr(row.socialMediaAddresses(), "[]"));
    v.put("educations", MirrorJson.writeOr(row.educations(), "[]"));
    v.put("employments", MirrorJson.writeOr(row.employments(), "[]"));
    v.put("attachments", MirrorJson.writeOr(row.attachments(), "[]"));
    v.put("tags", MirrorJson.writeOr(row.tags(), "[]"));
    v.put("custom_fields", MirrorJson.writeOr(row.customFields(), "{}"));
    v.put("created_at", row.createdAt());
    v.put("updated_at", row.updatedAt());
    v.put("last_activity_at", row.lastActivityAt());
    v.put("version", row.version());
    UpsertResult result = UPSERT.run(handle, tenantId, row.id(), v);
    boolean sameEmails =
        before.isPresent() && sameAddresses(before.get().emailAddresses(), row.emailAddresses());
    if (result.changed() && !sameEmails) {
      // a candidate just inserted has no e-mail rows yet: nothing to delete first
      replaceEmails(
          handle, tenantId, row.id(), row.emailAddresses(), result != UpsertResult.INSERTED);
    }
    return result;
  }

  public Optional<CandidateRow> find(Handle handle, UUID tenantId, long candidateId) {
    return handle
        .createQuery(
            "select c.*, (select coalesce(jsonb_agg(jsonb_build_object('value', e.email,"
                + " 'type', e.type) order by e.position), '[]') from mirror_candidate_email e"
                + " where e.tenant_id = c.tenant_id and e.candidate_id = c.candidate_id) as emails"
                + " from mirror_candidate c where c.tenant_id = :tenant and c.candidate_id = :id")
        .bind("tenant", tenantId)
        .bind("id", candidateId)
        .map((rs, ctx) -> read(rs, MirrorJson.read(rs, "emails")))
        .findOne();
  }

  /**
   * The id that now stands for {@code candidateId}: itself, or the end of its chain of merges
   * (bounded, in case Greenhouse ever reports a cycle).
   */
  public long survivorOf(Handle handle, UUID tenantId, long candidateId) {
    long current = candidateId;
    for (int hop = 0; hop < 16; hop++) {
      Long next =
          handle
              .createQuery(
                  "select merged_into_id from mirror_candidate where tenant_id = :tenant"
                      + " and candidate_id = :id")
              .bind("tenant", tenantId)
              .bind("id", current)
              .mapTo(Long.class)
              .findOne()
              .orElse(null);
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /** Ids of the live candidates having {@code email} among their addresses, ignoring case. */
  public List<Long> idsByEmail(Handle handle, UUID tenantId, String email) {
    return handle
        .createQuery(
            "select distinct e.candidate_id from mirror_candidate_email e"
                + " join mirror_candidate c on c.tenant_id = e.tenant_id"
                + " and c.candidate_id = e.candidate_id"
                + " where e.tenant_id = :tenant and lower(e.email) = :email"
                + " and c.deleted_at is null order by e.candidate_id")
        .bind("tenant", tenantId)
        .bind("email", email.trim().toLowerCase(Locale.ROOT))
        .mapTo(Long.class)
        .list();
  }

  /**
   * Removes every piece of personal data of the candidate and tombstones it ({@code
   * delete_candidate}); creates the tombstone when the candidate was never mirrored. True when it
   * was not deleted before.
   */
  public boolean eraseAndTombstone(Handle handle, UUID tenantId, long candidateId, Instant at) {
    boolean fresh =
        Tombstones.mark(handle, "mirror_candidate", "candidate_id", tenantId, candidateId, at);
    handle
        .createUpdate(
            "update mirror_candidate set first_name = null, last_name = null, company = null,"
                + " title = null, external_id = null, recruiter = null, coordinator = null,"
                + " phone_numbers = '[]', addresses = '[]', website_addresses = '[]',"
                + " social_media_addresses = '[]', educations = '[]', employments = '[]',"
                + " attachments = '[]', tags = '[]', custom_fields = '{}',"
                + " erased_at = coalesce(erased_at, :at), mirrored_at = now()"
                + " where tenant_id = :tenant and candidate_id = :id")
        .bind("tenant", tenantId)
        .bind("id", candidateId)
        .bind("at", at)
        .execute();
    replaceEmails(handle, tenantId, candidateId, null, true);
    return fresh;
  }

  /**
   * Erases the fields Greenhouse anonymized ({@code full_name}, {@code current_title}, ...), and
   * moves the version to {@code at} so an older delivery cannot restore them. Returns the fields it
   * did not recognise (they are recorded, not erased).
   */
  public List<String> anonymize(
      Handle handle, UUID tenantId, long candidateId, List<String> fields, Instant at) {
    AnonymizedFields plan = AnonymizedFields.of(fields);
    handle
        .createUpdate(
            "insert into mirror_candidate (tenant_id, candidate_id, version) values (:tenant, :id,"
                + " :at) on conflict (tenant_id, candidate_id) do nothing")
        .bind("tenant", tenantId)
        .bind("id", candidateId)
        .bind("at", at)
        .execute();
    handle
        .createUpdate(
            "update mirror_candidate set "
                + plan.setClause()
                + " anonymized_fields = (select coalesce(jsonb_agg(distinct f), '[]')"
                + " from jsonb_array_elements_text(anonymized_fields || cast(:fields as jsonb)) f),"
                + " erased_at = coalesce(erased_at, :at),"
                + " version = greatest(version, :at), mirrored_at = now()"
                + " where tenant_id = :tenant and candidate_id = :id")
        .bind("tenant", tenantId)
        .bind("id", candidateId)
        .bind("at", at)
        .bind("fields", MirrorJson.write(MirrorJson.MAPPER.valueToTree(fields)))
        .execute();
    if (plan.emails()) {
      replaceEmails(handle, tenantId, candidateId, null, true);
    }
    return plan.unknown();
  }

  /**
   * Records that {@code loserId} was merged into {@code survivorId}: the loser is tombstoned and
   * its personal data erased (the survivor holds the person), then {@code
   * connector_repoint_candidate} moves applications, events (and what later migrations add) to the
   * survivor.
   */
  public void merge(Handle handle, UUID tenantId, long loserId, long survivorId, Instant at) {
    eraseAndTombstone(handle, tenantId, loserId, at);
    handle
        .createUpdate(
            "update mirror_candidate set merged_into_id = :survivor"
                + " where tenant_id = :tenant and candidate_id = :loser")
        .bind("tenant", tenantId)
        .bind("loser", loserId)
        .bind("survivor", survivorId)
        .execute();
    handle
        .createUpdate(
            "insert into mirror_candidate (tenant_id, candidate_id) values (:tenant, :survivor)"
                + " on conflict (tenant_id, candidate_id) do nothing")
        .bind("tenant", tenantId)
        .bind("survivor", survivorId)
        .execute();
    handle
        .createQuery("select connector_repoint_candidate(:tenant, :loser, :survivor)")
        .bind("tenant", tenantId)
        .bind("loser", loserId)
        .bind("survivor", survivorId)
        .mapTo(String.class)
        .findOne();
  }

  private void replaceEmails(
      Handle handle, UUID tenantId, long candidateId, JsonNode emails, boolean deleteFirst) {
    if (deleteFirst) {
      handle
          .createUpdate(
              "delete from mirror_candidate_email where tenant_id = :tenant and candidate_id = :id")
          .bind("tenant", tenantId)
          .bind("id", candidateId)
          .execute();
    }
    if (emails == null || !emails.isArray() || emails.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "insert into mirror_candidate_email (tenant_id, candidate_id, position, email, type)"
                + " values (:tenant, :id, :position, :email, :type)");
    int position = 0;
    for (JsonNode email : emails) {
      String value = email.path("value").asText("").trim();
      if (value.isEmpty()) {
        continue;
      }
      batch
          .bind("tenant", tenantId)
          .bind("id", candidateId)
          .bind("position", position++)
          .bind("email", value)
          .bind("type", email.hasNonNull("type") ? email.get("type").asText() : null)
          .add();
    }
    if (position > 0) {
      batch.execute();
    }
  }

  private static boolean sameAddresses(JsonNode stored, JsonNode incoming) {
    JsonNode a = stored == null || stored.isNull() ? MirrorJson.MAPPER.createArrayNode() : stored;
    JsonNode b =
        incoming == null || incoming.isNull() ? MirrorJson.MAPPER.createArrayNode() : incoming;
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).path("value").asText("").trim().equals(b.get(i).path("value").asText("").trim())
          || !a.get(i).path("type").asText("").equals(b.get(i).path("type").asText(""))) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode nullIfJsonNull(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  private static CandidateRow read(ResultSet rs, JsonNode emails) throws SQLException {
    return new CandidateRow(
        rs.getLong("candidate_id"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("company"),
        rs.getString("title"),
        MirrorJson.boolOrNull(rs, "is_private"),
        MirrorJson.boolOrNull(rs, "can_email"),
        rs.getString("external_id"),
        MirrorJson.read(rs, "recruiter"),
        MirrorJson.read(rs, "coordinator"),
        emails,
        MirrorJson.read(rs, "phone_numbers"),
        MirrorJson.read(rs, "addresses"),
        MirrorJson.read(rs, "website_addresses"),
        MirrorJson.read(rs, "social_media_addresses"),
        MirrorJson.read(rs, "educations"),
        MirrorJson.read(rs, "employments"),
        MirrorJson.read(rs, "attachments"),
        MirrorJson.read(rs, "tags"),
        MirrorJson.read(rs, "custom_fields"),
        MirrorJson.instant(rs, "created_at"),
        MirrorJson.instant(rs, "updated_at"),
        MirrorJson.instant(rs, "last_activity_at"),
        MirrorJson.instant(rs, "version"),
        MirrorJson.longOrNull(rs, "merged_into_id"),
        MirrorJson.instant(rs, "deleted_at"),
        MirrorJson.instant(rs, "erased_at"),
        MirrorJson.read(rs, "anonymized_fields"));
  }
}
