package io.headhuntr.connector.mirror;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The mirrored reference data: users, departments, sources and prospect pools. */
public final class ReferenceRepository {
  private static final GuardedUpsert USERS = new GuardedUpsert("mirror_user", "user_id", true);
  private static final GuardedUpsert DEPARTMENTS =
      new GuardedUpsert("mirror_department", "department_id", true);
  private static final GuardedUpsert SOURCES =
      new GuardedUpsert("mirror_source", "source_id", true);
  private static final GuardedUpsert POOLS =
      new GuardedUpsert("mirror_prospect_pool", "pool_id", true);

  public UpsertResult upsertUser(Handle handle, UUID tenantId, UserRow row) {
    return USERS.run(handle, tenantId, row.id(), columns(row));
  }

  /** Records a user a payload mentions in passing, unless already mirrored. */
  public UpsertResult insertUserIfAbsent(Handle handle, UUID tenantId, UserRow row) {
    return USERS.insertIfAbsent(handle, tenantId, row.id(), columns(row));
  }

  private static Map<String, Object> columns(UserRow row) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", row.name());
    v.put("first_name", row.firstName());
    v.put("last_name", row.lastName());
    v.put("email", row.email());
    v.put("employee_id", row.employeeId());
    v.put("disabled", row.disabled());
    v.put("updated_at", row.updatedAt());
    v.put("version", row.version());
    return v;
  }

  public UpsertResult upsertDepartment(Handle handle, UUID tenantId, DepartmentRow row) {
    return DEPARTMENTS.run(handle, tenantId, row.id(), columns(row));
  }

  /** Records a department a payload mentions in passing, unless already mirrored. */
  public UpsertResult insertDepartmentIfAbsent(Handle handle, UUID tenantId, DepartmentRow row) {
    return DEPARTMENTS.insertIfAbsent(handle, tenantId, row.id(), columns(row));
  }

  private static Map<String, Object> columns(DepartmentRow row) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", row.name());
    v.put("parent_id", row.parentId());
    v.put("external_id", row.externalId());
    v.put("version", row.version());
    return v;
  }

  public UpsertResult upsertSource(Handle handle, UUID tenantId, SourceRow row) {
    return SOURCES.run(handle, tenantId, row.id(), columns(row));
  }

  /** Records a source a payload mentions in passing, unless already mirrored. */
  public UpsertResult insertSourceIfAbsent(Handle handle, UUID tenantId, SourceRow row) {
    return SOURCES.insertIfAbsent(handle, tenantId, row.id(), columns(row));
  }

  private static Map<String, Object> columns(SourceRow row) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", row.name());
    v.put("type", MirrorJson.write(row.type() == null || row.type().isNull() ? null : row.type()));
    v.put("version", row.version());
    return v;
  }

  public UpsertResult upsertProspectPool(Handle handle, UUID tenantId, ProspectPoolRow row) {
    return POOLS.run(handle, tenantId, row.id(), columns(row));
  }

  /** Records a prospectpool a payload mentions in passing, unless already mirrored. */
  public UpsertResult insertProspectPoolIfAbsent(
      Handle handle, UUID tenantId, ProspectPoolRow row) {
    return POOLS.insertIfAbsent(handle, tenantId, row.id(), columns(row));
  }

  private static Map<String, Object> columns(ProspectPoolRow row) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", row.name());
    v.put("active", row.active());
    v.put("stages", MirrorJson.writeOr(row.stages(), "[]"));
    v.put("version", row.version());
    return v;
  }

  /** Records users payloads mention in passing, unless mirrored; returns the ids inserted. */
  public Set<Long> insertUsersIfAbsent(Handle handle, UUID tenantId, Collection<UserRow> rows) {
    return USERS.insertAllIfAbsent(
        handle, tenantId, rows, UserRow::id, ReferenceRepository::columns);
  }

  /** Records departments payloads mention in passing, unless mirrored; the ids inserted. */
  public Set<Long> insertDepartmentsIfAbsent(
      Handle handle, UUID tenantId, Collection<DepartmentRow> rows) {
    return DEPARTMENTS.insertAllIfAbsent(
        handle, tenantId, rows, DepartmentRow::id, ReferenceRepository::columns);
  }

  /** Records sources payloads mention in passing, unless mirrored; the ids inserted. */
  public Set<Long> insertSourcesIfAbsent(Handle handle, UUID tenantId, Collection<SourceRow> rows) {
    return SOURCES.insertAllIfAbsent(
        handle, tenantId, rows, SourceRow::id, ReferenceRepository::columns);
  }

  /** Records prospect pools payloads mention in passing, unless mirrored; the ids inserted. */
  public Set<Long> insertProspectPoolsIfAbsent(
      Handle handle, UUID tenantId, Collection<ProspectPoolRow> rows) {
    return POOLS.insertAllIfAbsent(
        handle, tenantId, rows, ProspectPoolRow::id, ReferenceRepository::columns);
  }

  public Optional<UserRow> user(Handle handle, UUID tenantId, long userId) {
    return handle
        .createQuery("select * from mirror_user where tenant_id = :tenant and user_id = :id")
        .bind("tenant", tenantId)
        .bind("id", userId)
        .map((rs, ctx) -> readUser(rs))
        .findOne();
  }

  /** Live users by id, at most {@code limit} after {@code afterId}. */
  public List<UserRow> users(Handle handle, UUID tenantId, long afterId, int limit) {
    return handle
        .createQuery(
            "select * from mirror_user where tenant_id = :tenant and deleted_at is null"
                + " and user_id > :after order by user_id limit :limit")
        .bind("tenant", tenantId)
        .bind("after", afterId)
        .bind("limit", limit)
        .map((rs, ctx) -> readUser(rs))
        .list();
  }

  public Optional<SourceRow> source(Handle handle, UUID tenantId, long sourceId) {
    return handle
        .createQuery("select * from mirror_source where tenant_id = :tenant and source_id = :id")
        .bind("tenant", tenantId)
        .bind("id", sourceId)
        .map(
            (rs, ctx) ->
                new SourceRow(
                    rs.getLong("source_id"),
                    rs.getString("name"),
                    MirrorJson.read(rs, "type"),
                    MirrorJson.instant(rs, "version"),
                    MirrorJson.instant(rs, "deleted_at")))
        .findOne();
  }

  public Optional<DepartmentRow> department(Handle handle, UUID tenantId, long departmentId) {
    return handle
        .createQuery(
            "select * from mirror_department where tenant_id = :tenant and department_id = :id")
        .bind("tenant", tenantId)
        .bind("id", departmentId)
        .map(
            (rs, ctx) ->
                new DepartmentRow(
                    rs.getLong("department_id"),
                    rs.getString("name"),
                    MirrorJson.longOrNull(rs, "parent_id"),
                    rs.getString("external_id"),
                    MirrorJson.instant(rs, "version"),
                    MirrorJson.instant(rs, "deleted_at")))
        .findOne();
  }

  public Optional<ProspectPoolRow> prospectPool(Handle handle, UUID tenantId, long poolId) {
    return handle
        .createQuery(
            "select * from mirror_prospect_pool where tenant_id = :tenant and pool_id = :id")
        .bind("tenant", tenantId)
        .bind("id", poolId)
        .map(
            (rs, ctx) ->
                new ProspectPoolRow(
                    rs.getLong("pool_id"),
                    rs.getString("name"),
                    MirrorJson.boolOrNull(rs, "active"),
                    MirrorJson.read(rs, "stages"),
                    MirrorJson.instant(rs, "version"),
                    MirrorJson.instant(rs, "deleted_at")))
        .findOne();
  }

  private static UserRow readUser(ResultSet rs) throws SQLException {
    return new UserRow(
        rs.getLong("user_id"),
        rs.getString("name"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("email"),
        rs.getString("employee_id"),
        MirrorJson.boolOrNull(rs, "disabled"),
        MirrorJson.instant(rs, "updated_at"),
        MirrorJson.instant(rs, "version"),
        MirrorJson.instant(rs, "deleted_at"));
  }
}
