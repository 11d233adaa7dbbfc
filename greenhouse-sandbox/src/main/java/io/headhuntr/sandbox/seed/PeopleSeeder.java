package io.headhuntr.sandbox.seed;

import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Activity;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Contact;
import io.headhuntr.sandbox.store.Education;
import io.headhuntr.sandbox.store.Employment;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobPost;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.Lookup;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.Opening;
import io.headhuntr.sandbox.store.ProspectPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Streams the seed's people into the account: one candidate at a time, shared strings for names,
 * one or two applications each (about a quarter are prospects), spread over 2025. Kept compact so
 * 100,000 people start in seconds.
 */
final class PeopleSeeder {
  private static final long DAY = AccountSeeder.DAY;
  private static final long YEAR = 365 * DAY;
  private static final NamedRef HIRED = new NamedRef(1, "Hired");

  private final Account account;
  private final SplittableRandom random;
  private final List<Job> jobs;
  private final Map<Long, List<JobStage>> stages = new HashMap<>();
  private final Map<Long, Long> posts = new HashMap<>();
  private final List<Long> sources;
  private final List<Long> reasons;
  private final List<ProspectPool> pools;
  private final List<Long> recruiters;
  private final List<Lookup> schools;
  private final List<Lookup> degrees;
  private final List<Lookup> disciplines;

  PeopleSeeder(Account account, SplittableRandom random) {
    this.account = account;
    this.random = random;
    this.jobs = new ArrayList<>(account.jobs.values());
    for (Job j : jobs) {
      stages.put(j.id, account.stagesOf(j.id));
    }
    for (JobPost p : account.jobPosts.values()) {
      posts.putIfAbsent(p.jobId, p.id);
    }
    this.sources = new ArrayList<>(account.sources.keySet());
    this.reasons = new ArrayList<>(account.rejectionReasons.keySet());
    this.pools = new ArrayList<>(account.prospectPools.values());
    this.recruiters =
        account.users.values().stream().filter(u -> !u.disabled).map(u -> u.id).toList();
    this.schools = new ArrayList<>(account.schools.values());
    this.degrees = new ArrayList<>(account.degrees.values());
    this.disciplines = new ArrayList<>(account.disciplines.values());
  }

  void seed(int count) {
    for (int i = 0; i < count; i++) {
      person(i);
    }
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private void person(int i) {
    long created = AccountSeeder.ANCHOR + random.nextLong(YEAR);
    String first = pick(Names.FIRST);
    String last = pick(Names.LAST);
    Candidate c = new Candidate(account.newId(), first, last, created);
    c.company = pick(Names.COMPANIES);
    c.title = pick(Names.TITLES);
    String local = (first + "." + last + "." + i).toLowerCase().replace("'", "").replace("ü", "u");
    c.emails = List.of(new Contact(local + "@mail.example", i % 3 == 0 ? "work" : "personal"));
    if (i % 2 == 0) {
      c.phones =
          List.of(
              new Contact(
                  "+1 555 01" + String.format("%02d", i % 100) + " " + (1000 + i % 9000),
                  "mobile"));
    }
    if (i % 4 == 0) {
      c.socials = List.of(new Contact("linkedin.com/in/" + local, null));
    }
    if (i % 5 == 0) {
      c.tags = List.of(pick(Names.TAGS));
    }
    if (i % 3 == 0) {
      c.educations =
          List.of(
              new Education(
                  account.newId(),
                  pick(schools).id(),
                  pick(degrees).id(),
                  pick(disciplines).id(),
                  created - 3000 * DAY,
                  created - 1600 * DAY));
    }
    if (i % 3 == 1) {
      c.employments =
          List.of(new Employment(account.newId(), c.company, c.title, created - 900 * DAY, 0));
    }
    c.recruiterId = pick(recruiters);
    account.candidates.put(c.id, c);
    if (i % 10 == 0) {
      account.record(
          c.id,
          new Activity(
              account.newId(),
              Activity.Kind.NOTE,
              created + DAY,
              c.recruiterId,
              null,
              "Spoke with " + first + " about their time at " + c.company + ".",
              "private",
              null,
              null,
              List.of()));
    }
    boolean prospect = random.nextInt(4) == 0;
    int applications = prospect ? 1 : random.nextInt(5) == 0 ? 2 : 1;
    List<Long> ids = new ArrayList<>(applications);
    long latest = created;
    for (int a = 0; a < applications; a++) {
      Application app =
          prospect
              ? prospectApplication(c, created)
              : candidateApplication(c, created + a * 3 * DAY);
      account.applications.put(app.id, app);
      ids.add(app.id);
      latest = Math.max(latest, app.lastActivityAt);
    }
    c.applicationIds = List.copyOf(ids);
    c.lastActivity = latest;
    c.updatedAt = latest;
  }

  private Application candidateApplication(Candidate c, long applied) {
    Application a = new Application(account.newId(), c.id, false, applied);
    Job job = pick(jobs);
    a.jobIds = List.of(job.id);
    Long post = posts.get(job.id);
    a.jobPostId = post == null ? 0 : post;
    List<JobStage> jobStages = stages.get(job.id);
    int stage =
        Math.min(jobStages.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 2));
    a.currentStageId = jobStages.get(stage).id;
    a.sourceId = pick(sources);
    a.creditedToId = random.nextInt(3) == 0 ? pick(recruiters) : 0;
    a.recruiterId = job.recruiterIds.isEmpty() ? 0 : job.recruiterIds.get(0);
    a.coordinatorId = job.coordinatorIds.isEmpty() ? 0 : job.coordinatorIds.get(0);
    a.locationAddress =
        random.nextInt(2) == 0 ? account.offices.get(job.officeId).location() : null;
    a.lastActivityAt = applied + random.nextLong(40 * DAY);
    if (random.nextInt(2) == 0) {
      a.attachments =
          List.of(
              new Attachment(
                  "resume.pdf",
                  "https://sandbox-attachments.s3.amazonaws.com/"
                      + a.id
                      + "/resume.pdf?X-Amz-Expires=604800",
                  "resume",
                  "application/pdf",
                  applied));
    }
    int roll = random.nextInt(100);
    if (roll < 25) {
      a.status = "rejected";
      a.rejectedAt = a.lastActivityAt;
      a.rejectionReasonId = pick(reasons);
    } else if (roll < 29) {
      a.status = "hired";
      a.currentStageId = jobStages.get(jobStages.size() - 1).id;
      for (Opening o : job.openings) {
        if (o.status.equals("open")) {
          o.status = "closed";
          o.closedAt = a.lastActivityAt;
          o.applicationId = a.id;
          o.closeReason = HIRED;
          break;
        }
      }
    }
    return a;
  }

  private Application prospectApplication(Candidate c, long applied) {
    Application a = new Application(account.newId(), c.id, true, applied);
    if (random.nextInt(3) == 0) {
      a.jobIds = List.of(pick(jobs).id);
    }
    ProspectPool pool = pick(pools);
    a.prospectPoolId = pool.id();
    a.prospectStageId = pick(pool.stages()).id();
    a.prospectOwnerId = pick(recruiters);
    a.sourceId = sources.get(random.nextInt(2));
    a.creditedToId = a.prospectOwnerId;
    a.lastActivityAt = applied + random.nextLong(20 * DAY);
    if (random.nextInt(10) == 0) {
      a.status = "rejected";
      a.rejectedAt = a.lastActivityAt;
      a.rejectionReasonId = pick(reasons);
    }
    return a;
  }
}
