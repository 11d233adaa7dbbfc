package io.headhuntr.connector.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The table of tenants: creation, lookup and state changes. */
public final class Tenants {
  private static final String COLUMNS =
      "tenant_id, name, error_recipient_email, state, public_base_url, created_at, updated_at";
  private final Jdbi jdbi;

  public Tenants(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Tenant create(NewTenant tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into tenants (tenant_id, name, error_recipient_email, public_base_url)"
                        + " values (:id, :name, :email, :base) returning "
                        + COLUMNS)
                .bind("id", UUID.randomUUID())
                .bind("name", tenant.name())
                .bind("email", tenant.errorRecipientEmail())
                .bind("base", tenant.publicBaseUrl().orElse(null))
                .map((rs, ctx) -> map(rs))
                .one());
  }

  public Optional<Tenant> find(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from tenants where tenant_id = :id")
                .bind("id", tenantId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  public boolean exists(UUID tenantId) {
    return find(tenantId).isPresent();
  }

  public List<Tenant> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from tenants order by created_at, tenant_id")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /**
   * Moves the tenant to {@code state}; returns the updated tenant, empty when it does not exist.
   */
  public Optional<Tenant> setState(UUID tenantId, TenantState state) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "update tenants set state = :state, updated_at = now() where tenant_id = :id"
                        + " returning "
                        + COLUMNS)
                .bind("state", state.wire())
                .bind("id", tenantId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  private static Tenant map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Tenant(
        rs.getObject("tenant_id", UUID.class),
        rs.getString("name"),
        rs.getString("error_recipient_email"),
        TenantState.fromWire(rs.getString("state")),
        rs.getString("public_base_url"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    java.sql.Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
