package io.headhuntr.sandbox.seed;

import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Department;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobPost;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.Lookup;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.Office;
import io.headhuntr.sandbox.store.Opening;
import io.headhuntr.sandbox.store.ProspectPool;
import io.headhuntr.sandbox.store.RejectionReason;
import io.headhuntr.sandbox.store.Source;
import io.headhuntr.sandbox.store.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills an account with its seed's organisation data (users, departments, offices, sources,
 * rejection reasons, lookups, pools, jobs with stages, openings and posts), then streams the people
 * through {@link PeopleSeeder}. Deterministic for a random seed: all seeded timestamps count from a
 * fixed anchor (2025-01-01), not from the clock.
 */
public final class AccountSeeder {
  /** Seeded history starts here. */
  public static final long ANCHOR = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  static final long DAY = 86_400_000L;

  private final Account account;
  private final SplittableRandom random;

  public AccountSeeder(Account account, long randomSeed) {
    this.account = account;
    this.random = new SplittableRandom(randomSeed);
  }

  /** The empty seed: one site admin and the lookup lists. */
  public void seedEmpty() {
    account.write(
        () -> {
          User admin = user("Sandbox", "Admin", "E0001");
          admin.siteAdmin = true;
          lookups();
          return null;
        });
  }

  /** The demo company, with {@code candidates} people (candidates and prospects). */
  public void seedDemo(int candidates) {
    account.write(
        () -> {
          organisation();
          new PeopleSeeder(account, random.split()).seed(candidates);
          return null;
        });
  }

  private User user(String first, String last, String employeeId) {
    long created = ANCHOR - 400 * DAY + random.nextLong(30 * DAY);
    String email =
        (first + "." + last).toLowerCase().replace("'", "").replace("ü", "u")
            + "@acme-sandbox.example";
    User u = new User(account.newId(), first, last, email, created);
    u.employeeId = employeeId;
    account.users.put(u.id, u);
    return u;
  }

  private void lookups() {
    int p = 0;
    for (String d :
        List.of(
            "High School",
            "Associate's Degree",
            "Bachelor's Degree",
            "Master's Degree",
            "Master of Business Administration (M.B.A.)",
            "Doctor of Philosophy (Ph.D.)",
            "Other")) {
      long id = account.newId();
      account.degrees.put(id, new Lookup(id, d, p++));
    }
    p = 0;
    for (String d :
        List.of(
            "Computer Science",
            "Mathematics",
            "Electrical Engineering",
            "Economics",
            "Design",
            "Psychology",
            "Physics",
            "Business Administration")) {
      long id = account.newId();
      account.disciplines.put(id, new Lookup(id, d, p++));
    }
    p = 0;
    for (String s :
        List.of(
            "University of Michigan - Ann Arbor",
            "Massachusetts Institute of Technology",
            "Stanford University",
            "University of Oxford",
            "ETH Zurich",
            "University of Toronto",
            "National University of Singapore",
            "Technical University of Munich",
            "Siena College")) {
      long id = account.newId();
      account.schools.put(id, new Lookup(id, s, p++));
    }
  }

  private void organisation() {
    lookups();
    List<Long> departments = new ArrayList<>();
    long engineering = department("Engineering", 0, departments);
    department("Backend", engineering, departments);
    department("Frontend", engineering, departments);
    department("Data", engineering, departments);
    department("Product", 0, departments);
    department("Design", 0, departments);
    department("Sales", 0, departments);
    department("People", 0, departments);
    List<Long> offices = new ArrayList<>();
    String[][] officeRows = {
      {"New York", "New York, United States"}, {"San Francisco", "San Francisco, United States"},
      {"London", "London, United Kingdom"}, {"Remote", "Anywhere"}
    };
    for (int i = 0; i < officeRows.length; i++) {
      long id = account.newId();
      account.offices.put(
          id, new Office(id, officeRows[i][0], officeRows[i][1], 0, "OFF-" + (i + 1), 0));
      offices.add(id);
    }
    List<User> users = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      User u =
          user(
              Names.FIRST.get((i * 7) % Names.FIRST.size()),
              Names.LAST.get((i * 11) % Names.LAST.size()),
              i % 5 == 4 ? null : "E" + (1001 + i));
      u.siteAdmin = i < 3;
      u.disabled = i >= 22;
      u.officeIds = List.of(offices.get(i % offices.size()));
      u.departmentIds = List.of(departments.get(i % departments.size()));
      if (i % 6 == 1) {
        u.otherEmails = List.of(u.firstName.toLowerCase() + "@personal.example");
      }
      users.add(u);
    }
    String[][] sourceRows = {
      {"LinkedIn (Prospecting)", "5", "Prospecting"}, {"Headhuntr.io", "5", "Prospecting"},
      {"Referral", "2", "Referrals"}, {"Indeed", "3", "Third-party boards"},
      {"Company Website", "7", "Company marketing"}, {"Meetups", "1", "Attend events"},
      {"Agency: TalentCo", "8", "Agencies"}, {"Other", "9", "Other"}
    };
    for (String[] s : sourceRows) {
      long id = account.newId();
      account.sources.put(id, new Source(id, s[0], Long.parseLong(s[1]), s[2]));
    }
    String[][] reasonRows = {
      {"Lacking skill(s)/qualification(s)", "1", "We rejected them"},
      {"Hired another candidate", "1", "We rejected them"},
      {"Culture fit", "1", "We rejected them"},
      {"Compensation", "2", "They rejected us"},
      {"Took another offer", "2", "They rejected us"},
      {"Position closed", "3", "None specified"}
    };
    for (String[] r : reasonRows) {
      long id = account.newId();
      account.rejectionReasons.put(id, new RejectionReason(id, r[0], Long.parseLong(r[1]), r[2]));
    }
    String[][] poolRows = {
      {"Cold Outreach: Sourced", "Discussed", "Contacted", "Interested", "Not interested"},
      {"Silver Medalists", "To review", "Reached out", "Re-engaged"},
      {"Events and Meetups", "Met", "Followed up", "Ready to apply"}
    };
    for (String[] row : poolRows) {
      long id = account.newId();
      List<NamedRef> stages = new ArrayList<>();
      for (int i = 1; i < row.length; i++) {
        stages.add(new NamedRef(account.newId(), row[i]));
      }
      account.prospectPools.put(id, new ProspectPool(id, row[0], true, List.copyOf(stages)));
    }
    for (int i = 0; i < 30; i++) {
      job(i, departments, offices, users);
    }
    JobPost prospectPost =
        new JobPost(account.newId(), 0, "Future Opportunities", ANCHOR - 100 * DAY);
    prospectPost.location = "Anywhere";
    prospectPost.content = "<p>Tell us about yourself for roles we have not opened yet.</p>";
    prospectPost.internalContent = prospectPost.content;
    prospectPost.live = true;
    prospectPost.firstPublishedAt = prospectPost.createdAt;
    account.jobPosts.put(prospectPost.id, prospectPost);
  }

  private long department(String name, long parent, List<Long> all) {
    long id = account.newId();
    account.departments.put(id, new Department(id, name, parent, "DEP-" + (all.size() + 1)));
    all.add(id);
    return id;
  }

  private void job(int i, List<Long> departments, List<Long> offices, List<User> users) {
    long created = ANCHOR - 200 * DAY + i * 7 * DAY;
    Job job = new Job(account.newId(), Names.JOB_TITLES.get(i), created);
    job.requisitionId = "REQ-" + (100 + i);
    job.notes = "<p>Hiring plan for " + job.name + ".</p>";
    job.departmentId = departments.get(i % departments.size());
    job.officeId = offices.get(i % offices.size());
    job.status = i % 10 == 8 ? "closed" : i == 29 ? "draft" : "open";
    job.openedAt = job.status.equals("draft") ? 0 : created + DAY;
    job.closedAt = job.status.equals("closed") ? created + 90 * DAY : 0;
    job.updatedAt = Math.max(created + DAY, job.closedAt);
    job.confidential = i == 27;
    job.hiringManagerIds = new ArrayList<>(List.of(users.get(3 + i % 10).id));
    job.recruiterIds = new ArrayList<>(List.of(users.get(13 + i % 5).id, users.get(18 + i % 3).id));
    job.coordinatorIds = new ArrayList<>(List.of(users.get(18 + i % 4).id));
    job.sourcerIds = new ArrayList<>(List.of(users.get(13 + (i + 1) % 5).id));
    int openings = 1 + i % 3;
    for (int o = 0; o < openings; o++) {
      job.openings.add(
          new Opening(
              account.newId(),
              (i + 1) + "-" + (o + 1),
              job.openedAt == 0 ? created : job.openedAt));
    }
    account.jobs.put(job.id, job);
    for (int s = 0; s < Names.STAGES.size(); s++) {
      JobStage stage = new JobStage(account.newId(), job.id, Names.STAGES.get(s), s, created);
      account.stages.put(stage.id, stage);
    }
    JobPost post = new JobPost(account.newId(), job.id, job.name, created);
    post.location = account.offices.get(job.officeId).location();
    post.officeId = job.officeId;
    post.content = "<p>We\u2019re looking for a " + job.name + " to join us.</p>";
    post.internalContent = "<p>Internal candidates welcome: " + job.name + ".</p>";
    post.internal = i % 4 == 0;
    post.live = job.status.equals("open");
    post.firstPublishedAt = post.live ? job.openedAt : 0;
    post.updatedAt = job.updatedAt;
    account.jobPosts.put(post.id, post);
  }
}
