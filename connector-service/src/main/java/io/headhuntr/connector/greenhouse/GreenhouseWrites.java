package io.headhuntr.connector.greenhouse;

import java.util.Optional;

/**
 * The writes a push makes, attributed to one Greenhouse user ({@link Greenhouse#actingAs}). A write
 * without an answer throws {@link GreenhouseException.Unreachable} or {@link
 * GreenhouseException.ServerError}: it may have applied, and Greenhouse has no idempotency keys.
 */
public interface GreenhouseWrites {

  /**
   * Whether a new person is one call with everything written with them: {@link #createCandidate}
   * and {@link #createProspect} carry the application, files, educations, employments and notes
   * (Harvest v1). When false (Harvest v3) each of those is a call of its own after the person
   * exists, so a caller that must make each write once makes them itself, one call each: {@link
   * #createCandidate} with no files, educations, employments or notes (it still carries the
   * candidate application), or {@link #createPerson} then {@link #addProspectApplication}; then
   * {@link #addAttachment}, {@link #addEducation}, {@link #addEmployment} and {@link #addNote}.
   * Makes no call.
   */
  boolean createsInOneCall();

  /**
   * Creates a candidate with one application (its files attached to it), educations, employments
   * and notes: one call, or one per part where {@link #createsInOneCall} is false.
   */
  Person createCandidate(NewPerson person, JobApplication application);

  /**
   * Creates a prospect with its prospect application: one call, or several where {@link
   * #createsInOneCall} is false.
   */
  CreatedProspect createProspect(NewPerson person, ProspectApplication application);

  /**
   * Creates a person without any application, in one call; only where {@link #createsInOneCall} is
   * false ({@link GreenhouseException.Unsupported} otherwise, before any call). The person must
   * carry no educations, employments or notes (they are added afterwards).
   */
  Person createPerson(NewPerson person);

  /** Adds a candidate application on a job to an existing person; answers its id. */
  long addApplication(long candidateId, JobApplication application);

  /** Adds a prospect application to an existing person; answers its id. */
  long addProspectApplication(long candidateId, ProspectApplication application);

  /** Adds a note to a person's record. */
  void addNote(long candidateId, NoteEntry note);

  /** Attaches a file to the person (and, where the API attaches to applications, to this one). */
  void addAttachment(long candidateId, long applicationId, FileEntry file);

  /** Adds an education to a person's record. */
  void addEducation(long candidateId, EducationEntry education);

  /** Adds an employment to a person's record. */
  void addEmployment(long candidateId, EmploymentEntry employment);

  /** Puts a prospect application into a pool, at a stage if given. */
  void setProspectPool(long applicationId, long poolId, Optional<Long> stageId);
}
