package io.headhuntr.connector.greenhouse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person (candidate or prospect) as a push sees them: their applications, their files, and
 * whether Greenhouse answered with the whole record ({@code complete} false: it is still creating
 * them and answered only the id).
 */
public record Person(
    long id,
    boolean complete,
    Optional<Instant> createdAt,
    List<Application> applications,
    List<Long> applicationIds,
    List<File> files) {

  public Person {
    applications = List.copyOf(applications);
    applicationIds = List.copyOf(applicationIds);
    files = List.copyOf(files);
  }

  /**
   * One of the person's applications: {@code status} is {@code active}, {@code rejected}, {@code
   * hired} or {@code converted}; a prospect's {@code jobIds} are the jobs it is considered for.
   */
  public record Application(
      long id, boolean prospect, String status, List<Long> jobIds, Optional<Instant> appliedAt) {
    public Application {
      jobIds = List.copyOf(jobIds);
    }

    /** Whether this application is on (or, for a prospect, considered for) the job. */
    public boolean onJob(long jobId) {
      return jobIds.contains(jobId);
    }
  }

  /** A file of the person: its name, type ({@code resume}, {@code cover_letter}, ...) and time. */
  public record File(String filename, String type, Optional<Instant> createdAt) {}
}
