package io.headhuntr.connector.greenhouse;

import java.util.List;
import java.util.Optional;

/**
 * A prospect application: the jobs considered (may be none), source, referral, pool and stage,
 * owner (a Greenhouse user id) and files.
 */
public record ProspectApplication(
    List<Long> jobIds,
    Optional<Long> sourceId,
    Referral referral,
    Optional<Long> poolId,
    Optional<Long> poolStageId,
    Optional<Long> ownerId,
    List<FileEntry> files) {

  public ProspectApplication {
    jobIds = List.copyOf(jobIds);
    files = List.copyOf(files);
  }
}
