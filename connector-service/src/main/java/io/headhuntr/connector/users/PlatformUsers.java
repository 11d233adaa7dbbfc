package io.headhuntr.connector.users;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code platform_users} table: the tenant's Headhuntr.io users. */
public final class PlatformUsers {

  private final Jdbi jdbi;

  public PlatformUsers(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Makes {@code users} the tenant's whole set in one transaction: users not in it are removed
   * (with their mappings), the others inserted or updated. The caller has validated the set.
   */
  public void replace(UUID tenantId, List<PlatformUser> users) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "delete from platform_users where tenant_id = :tenant"
                      + " and not (user_id = any(:ids))")
              .bind("tenant", tenantId)
              .bindArray("ids", String.class, users.stream().map(PlatformUser::id).toList())
              .execute();
          if (!users.isEmpty()) {
            upsertAll(h, tenantId, users);
          }
        });
  }

  private static void upsertAll(Handle h, UUID tenantId, List<PlatformUser> users) {
    PreparedBatch batch =
        h.prepareBatch(
            "insert into platform_users (tenant_id, user_id, email, email_key, name)"
                + " values (:tenant, :id, :email, :key, :name)"
                + " on conflict (tenant_id, user_id) do update set email = :email,"
                + " email_key = :key, name = :name, updated_at = now()"
                + " where (platform_users.email, platform_users.name)"
                + " is distinct from (:email, :name)");
    for (PlatformUser user : users) {
      batch
          .bind("tenant", tenantId)
          .bind("id", user.id())
          .bind("email", user.email())
          .bind("key", emailKey(user.email()))
          .bind("name", user.name())
          .add();
    }
    batch.execute();
  }

  public List<PlatformUser> list(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select user_id, email, name from platform_users where tenant_id = :tenant"
                        + " order by user_id")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new PlatformUser(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
  }

  static String emailKey(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
