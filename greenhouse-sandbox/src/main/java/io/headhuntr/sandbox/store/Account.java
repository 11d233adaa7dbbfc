package io.headhuntr.sandbox.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The in-memory state of one Greenhouse account. Every access goes through {@link #read} or {@link
 * #write} (one read-write lock); maps iterate in id order because ids only grow.
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
  public final Map<Long, Candidate> candidates = new LinkedHashMap<>();
  public final Map<Long, Application> applications = new LinkedHashMap<>();
  public final Map<Long, List<Activity>> activityFeeds = new LinkedHashMap<>();

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
