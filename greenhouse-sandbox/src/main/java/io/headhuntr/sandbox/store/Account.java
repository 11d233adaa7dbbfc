package io.headhuntr.sandbox.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The in-memory state of one Greenhouse account. Every access goes through {@link #read} or {@link
 * #write} (one read-write lock); maps iterate in id order because ids only grow. People,
 * applications and their histories are sorted maps so that Harvest v3's id-descending cursor pages
 * start where the last one ended instead of scanning from the top.
 */
public final class Account {
  /** Real Greenhouse ids exceed 2^31; ours start above it too. */
  public static final long FIRST_ID = 4_000_000_000L;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final AtomicLong nextId = new AtomicLong(FIRST_ID);
  private final Clock clock;

  public final Map<Long, User> users = new LinkedHashMap<>();
  public final Map<Long, Department> departments = new LinkedHashMap<>();
  public final Map<Long, Office> offices = new LinkedHashMap<>();
  public final Map<Long, Job> jobs = new LinkedHashMap<>();
  public final Map<Long, JobStage> stages = new LinkedHashMap<>();
  public final Map<Long, JobPost> jobPosts = new LinkedHashMap<>();
  public final Map<Long, Source> sources = new LinkedHashMap<>();
  public final Map<Long, ProspectPool> prospectPools = new LinkedHashMap<>();
  public final Map<Long, RejectionReason> rejectionReasons = new LinkedHashMap<>();
  public final Map<Long, Lookup> degrees = new LinkedHashMap<>();
  public final Map<Long, Lookup> disciplines = new LinkedHashMap<>();
  public final Map<Long, Lookup> schools = new LinkedHashMap<>();
  public final NavigableMap<Long, Candidate> candidates = new TreeMap<>();
  public final NavigableMap<Long, Application> applications = new TreeMap<>();
  public final Map<Long, List<Activity>> activityFeeds = new LinkedHashMap<>();

  /** Every stay of an application in a stage (application_stages), by id. */
  public final NavigableMap<Long, StageVisit> stageVisits = new TreeMap<>();

  /** Rejection id to the rejected application's id (rejection_details). */
  public final NavigableMap<Long, Long> rejections = new TreeMap<>();

  /** Note id (Activity of kind NOTE, or any entry made as a v3 note) to where it belongs. */
  public final NavigableMap<Long, NoteLink> notes = new TreeMap<>();

  public Account(Clock clock) {
    this.clock = clock;
  }

  public long newId() {
    return nextId.getAndIncrement();
  }

  public long now() {
    return clock.millis();
  }

  public Clock clock() {
    return clock;
  }

  public <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  public <T> T write(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Stages of a job ordered by priority (active ones only). Call under a lock. */
  public List<JobStage> stagesOf(long jobId) {
    List<JobStage> result = new ArrayList<>();
    for (JobStage s : stages.values()) {
      if (s.jobId == jobId && s.active) {
        result.add(s);
      }
    }
    result.sort((a, b) -> Integer.compare(a.priority, b.priority));
    return result;
  }

  /** Records an activity-feed entry for a candidate. Call under the write lock. */
  public void record(long candidateId, Activity activity) {
    activityFeeds.computeIfAbsent(candidateId, id -> new ArrayList<>()).add(activity);
    NoteLink known = notes.get(activity.id());
    if (known != null || activity.kind() == Activity.Kind.NOTE) {
      // a merge re-records the duplicate's notes under the survivor
      notes.put(
          activity.id(), new NoteLink(candidateId, known == null ? 0 : known.applicationId()));
    }
  }

  /** Records a note that belongs to an application (any kind). Call under the write lock. */
  public void recordNote(long candidateId, long applicationId, Activity note) {
    activityFeeds.computeIfAbsent(candidateId, id -> new ArrayList<>()).add(note);
    notes.put(note.id(), new NoteLink(candidateId, applicationId));
  }

  /**
   * Puts the application into a job interview stage: the current stay (if any) ends now and a new
   * one starts. Call under the write lock.
   */
  public void enterStage(Application a, long stageId) {
    long now = now();
    closeStage(a, now);
    a.currentStageId = stageId;
    if (stageId == 0) {
      return;
    }
    StageVisit visit = new StageVisit(newId(), a.id, stageId, now);
    stageVisits.put(visit.id, visit);
    List<Long> ids = new ArrayList<>(a.stageVisitIds);
    ids.add(visit.id);
    a.stageVisitIds = List.copyOf(ids);
  }

  /** Ends the application's current stay without starting another (converted, deleted). */
  public void closeStage(Application a, long at) {
    if (a.stageVisitIds.isEmpty()) {
      return;
    }
    StageVisit last = stageVisits.get(a.stageVisitIds.get(a.stageVisitIds.size() - 1));
    if (last != null && last.current()) {
      last.exitedAt = at;
      last.updatedAt = at;
    }
  }

  /** Removes an application with its stage history and rejection. Call under the write lock. */
  public void forget(Application a) {
    applications.remove(a.id);
    a.stageVisitIds.forEach(stageVisits::remove);
    unrejected(a);
  }

  /** Files a rejection_details row for a just rejected application. Call under the write lock. */
  public void rejected(Application a, long byUser) {
    if (a.rejectionId != 0) {
      rejections.remove(a.rejectionId);
    }
    a.rejectionId = newId();
    a.rejectedByUserId = byUser;
    rejections.put(a.rejectionId, a.id);
  }

  /** Drops the application's rejection_details row (unrejected or deleted). */
  public void unrejected(Application a) {
    if (a.rejectionId != 0) {
      rejections.remove(a.rejectionId);
    }
    a.rejectionId = 0;
    a.rejectedByUserId = 0;
  }

  /**
   * Gives seeded applications the history Harvest v3 shows (one stay in their current stage since
   * they applied, a rejection_details row when rejected) and numbers seeded attachments.
   * Idempotent; call under the write lock once seeding is done.
   */
  public void completeSeededHistory() {
    for (Application a : applications.values()) {
      if (!a.prospect && a.currentStageId != 0 && a.stageVisitIds.isEmpty()) {
        StageVisit visit = new StageVisit(newId(), a.id, a.currentStageId, a.appliedAt);
        stageVisits.put(visit.id, visit);
        a.stageVisitIds = List.of(visit.id);
      }
      if ("rejected".equals(a.status) && a.rejectionId == 0) {
        a.rejectionId = newId();
        rejections.put(a.rejectionId, a.id);
      }
      a.attachments = numbered(a.attachments);
    }
    for (Candidate c : candidates.values()) {
      c.attachments = numbered(c.attachments);
    }
  }

  private List<Attachment> numbered(List<Attachment> files) {
    if (files.stream().allMatch(f -> f.id() != 0)) {
      return files;
    }
    return files.stream().map(f -> f.id() == 0 ? f.withId(newId()) : f).toList();
  }

  /**
   * True when the candidate exists and its asynchronous creation has finished. Call under a lock.
   */
  public boolean visible(Candidate c) {
    return c != null && (c.visibleFrom == 0 || now() >= c.visibleFrom);
  }

  /** True when the application and its person exist and both have finished being created. */
  public boolean visible(Application a) {
    return a != null
        && (a.visibleFrom == 0 || now() >= a.visibleFrom)
        && visible(candidates.get(a.candidateId));
  }
}
