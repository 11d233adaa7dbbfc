package io.headhuntr.connector.webhooks.apply;

import io.headhuntr.connector.mirror.ApplicationRepository;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRepository;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.MirrorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The mirror rows of a group of deliveries of one tenant that touch distinct candidates and
 * applications: locked and read together ({@link #read}: one lock statement, one read per table),
 * then, once each delivery is planned, written together ({@link #write}: one guarded multi-row
 * upsert per table, the e-mails of changed candidates in one delete and one insert).
 */
final class MirrorBatch {
  private final Set<Long> candidateIds = new TreeSet<>();
  private final Set<Long> applicationIds = new TreeSet<>();
  private Map<Long, CandidateRow> candidates = Map.of();
  private Map<Long, ApplicationRow> applications = Map.of();
  private final Map<Long, CandidateRow> candidateWrites = new HashMap<>();
  private final Map<Long, ApplicationRow> applicationWrites = new HashMap<>();

  /** Whether {@code decoded} touches none of the rows already in this batch. */
  boolean accepts(BatchableAction.Decoded decoded) {
    return decoded.candidateIds().stream().noneMatch(candidateIds::contains)
        && decoded.applicationIds().stream().noneMatch(applicationIds::contains);
  }

  void add(BatchableAction.Decoded decoded) {
    if (!accepts(decoded)) {
      throw new IllegalArgumentException("a batch touches each row once");
    }
    candidateIds.addAll(decoded.candidateIds());
    applicationIds.addAll(decoded.applicationIds());
  }

  /**
   * Locks every object of the batch until the transaction ends (candidates, then applications, each
   * in id order, so two batches cannot deadlock on them) and reads the mirrored rows: applications
   * row-locked, candidates with their e-mails.
   */
  void read(Handle handle, UUID tenantId, MirrorStore mirror) {
    List<String> keys = new ArrayList<>(candidateIds.size() + applicationIds.size());
    candidateIds.forEach(id -> keys.add("candidate:" + id));
    applicationIds.forEach(id -> keys.add("application:" + id));
    if (keys.isEmpty()) {
      return;
    }
    mirror.lockAll(handle, tenantId, keys);
    applications =
        applicationIds.isEmpty()
            ? Map.of()
            : mirror.applications().findAllForUpdate(handle, tenantId, applicationIds);
    candidates =
        candidateIds.isEmpty()
            ? Map.of()
            : mirror.candidates().findAll(handle, tenantId, candidateIds);
  }

  Optional<CandidateRow> candidate(long id) {
    return Optional.ofNullable(candidates.get(id));
  }

  Optional<ApplicationRow> application(long id) {
    return Optional.ofNullable(applications.get(id));
  }

  void write(CandidateRow row) {
    candidateWrites.put(row.id(), row);
  }

  void write(ApplicationRow row) {
    applicationWrites.put(row.id(), row);
  }

  /** Writes the planned rows under the mirror's version guard, then forgets them. */
  void write(Handle handle, UUID tenantId, MirrorStore mirror) {
    if (!candidateWrites.isEmpty()) {
      mirror
          .candidates()
          .upsert(
              handle, tenantId, CandidateRepository.prepare(candidateWrites.values()), candidates);
    }
    if (!applicationWrites.isEmpty()) {
      mirror
          .applications()
          .upsert(handle, tenantId, ApplicationRepository.prepare(applicationWrites.values()));
    }
    candidateWrites.clear();
    applicationWrites.clear();
  }
}
