package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The mirrored candidates and their e-mail addresses (kept in their own table for case-insensitive
 * lookup), with the erasure rules of {@code delete_candidate}, {@code candidate_anonymized} and
 * merges. (Over 400 lines: the multi-row write, one-row write and the erasures all maintain the
 * e-mail rows, whose rules are kept in this one place.)
 */
public final class CandidateRepository {
  private static final GuardedUpsert UPSERT = new GuardedUpsert("mirror_candidate", "candidate_id");

  private static final List<String> COLUMNS =
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
          "version");

  /**
   * Candidates ready to be written (see {@link #prepare}): their column values and their e-mail
   * addresses, one entry per candidate (the last of two with one id wins).
   */
  public static final class Prepared {
    private final GuardedUpsert.Rows rows = new GuardedUpsert.Rows(COLUMNS);
    private final Map<Long, JsonNode> emails = new LinkedHashMap<>();

    public int size() {
      return rows.size();
    }
  }

  /** Turns candidates into what {@link #upsert(Handle, UUID, Prepared, Map)} binds. */
  public static Prepared prepare(Collection<CandidateRow> candidates) {
    Prepared prepared = new Prepared();
    for (CandidateRow row : candidates) {
      prepared.rows.add(
          row.id(),
          row.firstName(),
          row.lastName(),
          row.company(),
          row.title(),
          row.isPrivate(),
          row.canEmail(),
          row.externalId(),
          MirrorJson.write(nullIfJsonNull(row.recruiter())),
          MirrorJson.write(nullIfJsonNull(row.coordinator())),
          MirrorJson.writeOr(row.phoneNumbers(), "[]"),
          MirrorJson.writeOr(row.addresses(), "[]"),
          MirrorJson.writeOr(row.websiteAddresses(), "[]"),
          MirrorJson.writeOr(row.socialMediaAddresses(), "[]"),
          MirrorJson.writeOr(row.educations(), "[]"),
          MirrorJson.writeOr(row.employments(), "[]"),
          MirrorJson.writeOr(row.attachments(), "[]"),
          MirrorJson.writeOr(row.tags(), "[]"),
          MirrorJson.writeOr(row.customFields(), "{}"),
          row.createdAt(),
          row.updatedAt(),
          row.lastActivityAt(),
          row.version());
      prepared.emails.put(row.id(), row.emailAddresses());
    }
    return prepared;
  }

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
    Map<Long, CandidateRow> known = new HashMap<>();
    before.ifPresent(b -> known.put(row.id(), b));
    return upsert(handle, tenantId, prepare(List.of(row)), known).get(row.id());
  }

  /**
   * Upserts the candidates in one statement under the version guard, then replaces the e-mail rows
   * of those that changed, in one delete and one insert; {@code before} holds the mirrored rows the
   * caller read in this transaction (by id), whose e-mail rows are left alone when the addresses
   * did not change. Says for every id what happened to it.
   */
  public Map<Long, UpsertResult> upsert(
      Handle handle, UUID tenantId, Prepared candidates, Map<Long, CandidateRow> before) {
    Map<Long, UpsertResult> results = UPSERT.upsert(handle, tenantId, candidates.rows);
    List<Long> stale = new ArrayList<>();
    List<Long> fresh = new ArrayList<>();
    for (Map.Entry<Long, UpsertResult> e : results.entrySet()) {
      CandidateRow known = before.get(e.getKey());
      JsonNode emails = candidates.emails.get(e.getKey());
      if (!e.getValue().changed()
          || (known != null && sameAddresses(known.emailAddresses(), emails))) {
        continue;
      }
      // a candidate just inserted has no e-mail rows yet: nothing to delete first
      if (e.getValue() != UpsertResult.INSERTED) {
        stale.add(e.getKey());
      }
      fresh.add(e.getKey());
    }
    if (!stale.isEmpty()) {
      handle
          .createUpdate(
              "delete from mirror_candidate_email where tenant_id = :tenant"
                  + " and candidate_id = any(:ids)")
          .bind("tenant", tenantId)
          .bindArray("ids", Long.class, stale)
          .execute();
    }
    insertEmails(handle, tenantId, fresh, candidates.emails);
    return results;
  }

  /** The mirrored candidates among {@code ids}, with their e-mails, by id. */
  public Map<Long, CandidateRow> findAll(Handle handle, UUID tenantId, Collection<Long> ids) {
    Map<Long, CandidateRow> found = new HashMap<>();
    handle
        .createQuery(
            "select c.*, (select coalesce(jsonb_agg(jsonb_build_object('value', e.email,"
                + " 'type', e.type) order by e.position), '[]') from mirror_candidate_email e"
                + " where e.tenant_id = c.tenant_id and e.candidate_id = c.candidate_id) as emails"
                + " from mirror_candidate c where c.tenant_id = :tenant"
                + " and c.candidate_id = any(:ids)")
        .bind("tenant", tenantId)
        .bindArray("ids", Long.class, ids)
        .map((rs, ctx) -> read(rs, MirrorJson.read(rs, "emails")))
        .forEach(row -> found.put(row.id(), row));
    return found;
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
    Map<Long, JsonNode> one = new HashMap<>();
    one.put(candidateId, emails);
    insertEmails(handle, tenantId, List.of(candidateId), one);
  }

  /** Inserts the e-mail rows of {@code ids} in one statement (blank addresses skipped). */
  private static void insertEmails(
      Handle handle, UUID tenantId, List<Long> ids, Map<Long, JsonNode> emails) {
    List<Long> candidates = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (Long id : ids) {
      JsonNode list = emails.get(id);
      if (list == null || !list.isArray()) {
        continue;
      }
      int position = 0;
      for (JsonNode email : list) {
        String value = email.path("value").asText("").trim();
        if (value.isEmpty()) {
          continue;
        }
        candidates.add(id);
        positions.add(position++);
        values.add(value);
        types.add(email.hasNonNull("type") ? email.get("type").asText() : null);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    handle
        .createUpdate(
            "insert into mirror_candidate_email (tenant_id, candidate_id, position, email, type)"
                + " select :tenant, x.id, x.position, x.email, x.type from unnest(cast(:ids as"
                + " bigint[]), cast(:positions as int[]), cast(:emails as text[]),"
                + " cast(:types as text[])) as x(id, position, email, type)")
        .bind("tenant", tenantId)
        .bindArray("ids", Long.class, candidates)
        .bindArray("positions", Integer.class, positions)
        .bindArray("emails", String.class, values)
        .bindArray("types", String.class, types)
        .execute();
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
