package io.headhuntr.connector.users;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code user_mappings} table, listed together with every platform user. */
public final class UserMappings {

  /** A mapping to store, with the result of its verification. */
  record Checked(
      String platformUserId,
      long greenhouseUserId,
      MappingStatus status,
      Optional<Instant> verifiedAt,
      String message) {}

  private final Jdbi jdbi;

  public UserMappings(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores {@code checked} and removes the mappings of {@code cleared}, in one transaction. */
  void save(UUID tenantId, List<Checked> checked, List<String> cleared) {
    jdbi.useTransaction(
        h -> {
          if (!cleared.isEmpty()) {
            h.createUpdate(
                    "delete from user_mappings where tenant_id = :tenant"
                        + " and platform_user_id = any(:ids)")
                .bind("tenant", tenantId)
                .bindArray("ids", String.class, cleared)
                .execute();
          }
          if (checked.isEmpty()) {
            return;
          }
          PreparedBatch batch =
              h.prepareBatch(
                  "insert into user_mappings (tenant_id, platform_user_id, greenhouse_user_id,"
                      + " status, message, verified_at) values (:tenant, :user, :gh, :status,"
                      + " :message, :at) on conflict (tenant_id, platform_user_id) do update set"
                      + " greenhouse_user_id = :gh, status = :status, message = :message,"
                      + " verified_at = :at, updated_at = now(),"
                      // a confirmation holds for the Greenhouse user it was given for only
                      + " confirmed_greenhouse_email = case when user_mappings.greenhouse_user_id"
                      + " = :gh then user_mappings.confirmed_greenhouse_email end,"
                      + " confirmed_at = case when user_mappings.greenhouse_user_id = :gh then"
                      + " user_mappings.confirmed_at end");
          for (Checked c : checked) {
            batch
                .bind("tenant", tenantId)
                .bind("user", c.platformUserId())
                .bind("gh", c.greenhouseUserId())
                .bind("status", c.status().wireName())
                .bind("message", c.message())
                .bind(
                    "at",
                    c.verifiedAt()
                        .map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC))
                        .orElse(null))
                .add();
          }
          batch.execute();
        });
  }

  /** One row per platform user, mapped or not, ordered by platform user id. */
  public List<UserMappingRow> list(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select u.user_id, u.email, u.name, m.greenhouse_user_id, m.status, m.verified_at,"
                        + " m.message from platform_users u left join user_mappings m"
                        + " on m.tenant_id = u.tenant_id and m.platform_user_id = u.user_id"
                        + " where u.tenant_id = :tenant order by u.user_id")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) -> {
                      String status = rs.getString("status");
                      long gh = rs.getLong("greenhouse_user_id");
                      boolean mapped = !rs.wasNull();
                      OffsetDateTime at = rs.getObject("verified_at", OffsetDateTime.class);
                      return new UserMappingRow(
                          rs.getString("user_id"),
                          rs.getString("email"),
                          rs.getString("name"),
                          mapped ? gh : null,
                          status == null ? MappingStatus.UNMAPPED : MappingStatus.fromWire(status),
                          at == null ? null : at.toInstant(),
                          mapped
                              ? rs.getString("message")
                              : "no Greenhouse user id yet: import Greenhouse's user export or type"
                                  + " the ATS Id");
                    })
                .list());
  }

  /**
   * The confirmed pairs: platform user id to the Greenhouse user id and email an admin confirmed
   * although that email differs from the platform user's.
   */
  Map<String, Confirmation> confirmations(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select platform_user_id, greenhouse_user_id, confirmed_greenhouse_email from"
                        + " user_mappings where tenant_id = :tenant and confirmed_at is not null")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getString("platform_user_id"),
                            new Confirmation(
                                rs.getLong("greenhouse_user_id"),
                                rs.getString("confirmed_greenhouse_email"))))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** An admin's confirmation of a pair whose emails differ. */
  record Confirmation(long greenhouseUserId, String greenhouseEmail) {}

  /**
   * Records an admin's confirmation of the stored pair for {@code platformUserId}, given for the
   * Greenhouse user {@code greenhouseUserId} with {@code greenhouseEmail}; false when the stored
   * mapping is not (or no longer) to that Greenhouse user.
   */
  boolean confirm(
      UUID tenantId, String platformUserId, long greenhouseUserId, String greenhouseEmail) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update user_mappings set confirmed_greenhouse_email = :email,"
                            + " confirmed_at = now(), updated_at = now() where tenant_id = :tenant"
                            + " and platform_user_id = :user and greenhouse_user_id = :gh")
                    .bind("tenant", tenantId)
                    .bind("user", platformUserId)
                    .bind("gh", greenhouseUserId)
                    .bind("email", greenhouseEmail)
                    .execute())
        > 0;
  }

  public int countVerified(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select count(*) from user_mappings where tenant_id = :tenant"
                        + " and status = 'verified'")
                .bind("tenant", tenantId)
                .mapTo(Integer.class)
                .one());
  }
}
