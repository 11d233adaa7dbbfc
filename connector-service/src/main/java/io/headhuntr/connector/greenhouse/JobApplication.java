package io.headhuntr.connector.greenhouse;

import java.util.List;
import java.util.Optional;

/** A candidate application on one job, with its source, referral, first stage and files. */
public record JobApplication(
    long jobId,
    Optional<Long> sourceId,
    Referral referral,
    Optional<Long> initialStageId,
    List<FileEntry> files) {

  public JobApplication {
    files = List.copyOf(files);
  }
}
