package io.headhuntr.connector.greenhouse;

import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.UserRow;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One tenant's Greenhouse, in the connector's terms: the port every capability reaches Greenhouse
 * through, whichever Harvest version the adapter behind it speaks. Records come back as the mirror
 * keeps them (so the mirror looks the same whichever API filled it) or as the small records a push
 * needs; failures are {@link GreenhouseException}s. Listings are lazy streams of pages, closed by
 * the caller; a failure while reading one is thrown from the stream.
 */
public interface Greenhouse {

  // --- listings for the sync (pages, resumable) ---

  /** Jobs changed since {@code start.changedSince()} (all when empty). */
  Stream<Page<JobRow>> jobsChangedSince(ListingStart start);

  /** Candidates changed since the time, each with all of their applications. */
  Stream<Page<CandidateWithApplications>> candidatesChangedSince(ListingStart start);

  /**
   * Applications with activity since the time; an application without a candidate id (Greenhouse
   * may leave it out) has a null {@code candidateId}.
   */
  Stream<Page<ApplicationRow>> applicationsActiveSince(ListingStart start);

  // --- reference data, whole ---

  List<UserRow> users();

  List<ReferenceRecord.Department> departments();

  List<ReferenceRecord.Source> sources();

  List<ReferenceRecord.ProspectPool> prospectPools();

  List<JobStageRow> jobStages();

  /** Every job post, with its full content. */
  List<JobPostRow> jobPosts();

  // --- one record by id (empty: Greenhouse no longer has it) ---

  Optional<JobRow> job(long id);

  Optional<CandidateWithApplications> candidate(long id);

  Optional<ApplicationRow> application(long id);

  // --- users ---

  /**
   * The users among {@code ids} that exist (verifying a user mapping); ids Greenhouse does not know
   * are left out. Costs as few calls as the API allows.
   */
  Map<Long, UserRow> usersById(Collection<Long> ids);

  // --- what a push reads ---

  /**
   * The person with this id, as a push sees them; {@link GreenhouseException.NotFound} when
   * Greenhouse has no such person (merged or deleted, or not visible yet after a create).
   */
  Person person(long id);

  /** Everyone holding {@code email} among their addresses (case-insensitive), by id. */
  List<Person> peopleByEmail(String email);

  /** The notes on a person's record. */
  List<PersonNote> notesOf(long candidateId);

  /** The educations on a person's record (to read back a write that had no answer). */
  List<PersonEducation> educationsOf(long candidateId);

  /** The employments on a person's record (to read back a write that had no answer). */
  List<PersonEmployment> employmentsOf(long candidateId);

  List<NamedId> schools();

  List<NamedId> degrees();

  List<NamedId> disciplines();

  /** The sources, by id and name (for resolving a source by name). */
  List<NamedId> sourceNames();

  // --- writes, attributed to a Greenhouse user ---

  /** The writes of this Greenhouse, made as (attributed to) the Greenhouse user {@code userId}. */
  GreenhouseWrites actingAs(long userId);

  // --- webhooks a connection registers itself (Harvest v3 partner connections only) ---

  /**
   * Whether this connection may register its webhooks itself (a Harvest v3 partner connection);
   * otherwise the customer creates them in Greenhouse's Dev Center and the three calls below throw
   * {@link GreenhouseException.Unsupported}. Makes no call.
   */
  boolean managesWebhooks();

  /** The webhooks this connection has registered in Greenhouse, with their health. */
  List<RegisteredWebhook> webhooks();

  /**
   * Registers a webhook; Greenhouse pings its endpoint while saving and leaves it {@code
   * deactivated} when the ping fails. {@link GreenhouseException.Invalid} (422, field {@code
   * event_action_type}) when one already exists for that action.
   */
  RegisteredWebhook registerWebhook(WebhookDefinition webhook);

  /**
   * Saves webhook {@code id} again with every setting of {@code webhook}, active (pinged again).
   */
  RegisteredWebhook updateWebhook(long id, WebhookDefinition webhook);

  // --- how calls are paced and seen ---

  /** The same Greenhouse leaving {@code reserve} calls of each rate window to other work. */
  Greenhouse withReadReserve(int reserve);

  /** The same Greenhouse telling {@code log} of every call it makes. */
  Greenhouse withCallLog(CallLog log);

  /** The rate limit as last seen. */
  RateBudget rateBudget();
}
