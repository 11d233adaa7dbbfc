package io.headhuntr.connector.greenhouse;

import java.util.Optional;

/**
 * The writes a push makes, attributed to one Greenhouse user ({@link Greenhouse#actingAs}). A write
 * without an answer throws {@link GreenhouseException.Unreachable} or {@link
 * GreenhouseException.ServerError}: it may have applied, and Greenhouse has no idempotency keys.
 */
public interface GreenhouseWrites {

  /** Creates a candidate with one application (its files attached to it) and the person's notes. */
  Person createCandidate(NewPerson person, JobApplication application);

  /** Creates a prospect with its prospect application. */
  CreatedProspect createProspect(NewPerson person, ProspectApplication application);

  /** Adds a candidate application on a job to an existing person; answers its id. */
  long addApplication(long candidateId, JobApplication application);

  /** Adds a prospect application to an existing person; answers its id. */
  long addProspectApplication(long candidateId, ProspectApplication application);

  /** Adds a note to a person's record. */
  void addNote(long candidateId, NoteEntry note);

  /** Attaches a file to the person (and, where the API attaches to applications, to this one). */
  void addAttachment(long candidateId, long applicationId, FileEntry file);

  /** Puts a prospect application into a pool, at a stage if given. */
  void setProspectPool(long applicationId, long poolId, Optional<Long> stageId);
}
