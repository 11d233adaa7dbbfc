package io.headhuntr.connector.webhooks.apply;

import io.headhuntr.connector.mirror.DepartmentRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.mirror.ProspectPoolRow;
import io.headhuntr.connector.mirror.SourceRow;
import io.headhuntr.connector.mirror.UserRow;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The users, departments, sources, stages, jobs and prospect pools the deliveries of one
 * transaction mention in passing, gathered while they are decoded and then recorded with one
 * insert-if-absent statement per table ({@link #write}), in id order so two transactions inserting
 * the same new ids wait for each other instead of deadlocking. Ids the worker already saw mirrored
 * ({@link KnownReferences}) are not gathered at all.
 */
final class PassingReferences {
  private final UUID tenantId;
  private final KnownReferences known;
  private final Map<Long, UserRow> users = new TreeMap<>();
  private final Map<Long, DepartmentRow> departments = new TreeMap<>();
  private final Map<Long, SourceRow> sources = new TreeMap<>();
  private final Map<Long, JobStageRow> stages = new TreeMap<>();
  private final Map<Long, JobRow> jobs = new TreeMap<>();
  private final Map<Long, ProspectPoolRow> pools = new TreeMap<>();

  PassingReferences(UUID tenantId, KnownReferences known) {
    this.tenantId = tenantId;
    this.known = known;
  }

  /** Whether {@code kind}/{@code id} needs recording (neither known nor gathered yet). */
  boolean wants(String kind, long id) {
    return !known.contains(tenantId, kind, id) && !map(kind).containsKey(id);
  }

  void user(UserRow row) {
    gather("user", row.id(), row, users);
  }

  void department(DepartmentRow row) {
    gather("department", row.id(), row, departments);
  }

  void source(SourceRow row) {
    gather("source", row.id(), row, sources);
  }

  void stage(JobStageRow row) {
    gather("stage", row.id(), row, stages);
  }

  void job(JobRow row) {
    gather("job", row.id(), row, jobs);
  }

  void pool(ProspectPoolRow row) {
    gather("pool", row.id(), row, pools);
  }

  /**
   * Inserts what was gathered and is not mirrored yet, then forgets it. An id the database reported
   * as already there is remembered as known: this transaction inserts each id at most once, so
   * "already there" means a row another transaction committed.
   */
  void write(Handle handle, MirrorStore mirror) {
    record(
        "user",
        users,
        rows -> mirror.references().insertUsersIfAbsent(handle, tenantId, rows.values()));
    record(
        "department",
        departments,
        rows -> mirror.references().insertDepartmentsIfAbsent(handle, tenantId, rows.values()));
    record(
        "source",
        sources,
        rows -> mirror.references().insertSourcesIfAbsent(handle, tenantId, rows.values()));
    record(
        "stage",
        stages,
        rows -> mirror.jobs().insertStagesIfAbsent(handle, tenantId, rows.values()));
    record("job", jobs, rows -> mirror.jobs().insertJobsIfAbsent(handle, tenantId, rows.values()));
    record(
        "pool",
        pools,
        rows -> mirror.references().insertProspectPoolsIfAbsent(handle, tenantId, rows.values()));
  }

  private <T> void gather(String kind, long id, T row, Map<Long, T> rows) {
    if (!known.contains(tenantId, kind, id)) {
      rows.putIfAbsent(id, row);
    }
  }

  private <T> void record(
      String kind, Map<Long, T> rows, Function<Map<Long, T>, Set<Long>> insert) {
    if (rows.isEmpty()) {
      return;
    }
    Set<Long> inserted = insert.apply(rows);
    for (Long id : rows.keySet()) {
      if (!inserted.contains(id)) {
        known.add(tenantId, kind, id);
      }
    }
    rows.clear();
  }

  private Map<Long, ?> map(String kind) {
    return switch (kind) {
      case "user" -> users;
      case "department" -> departments;
      case "source" -> sources;
      case "stage" -> stages;
      case "job" -> jobs;
      case "pool" -> pools;
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
