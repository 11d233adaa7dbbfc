package io.headhuntr.connector.sync;

import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Prepares pages for the mirror: candidates (with their embedded applications) and applications
 * through {@link PageUpserts}, jobs through the mirror's own upsert (a few per account).
 */
final class PageWriter {
  private PageWriter() {}

  static PreparedPage candidates(List<Candidate> page) {
    List<CandidateRow> candidates = new ArrayList<>(page.size());
    List<ApplicationRow> applications = new ArrayList<>(page.size() * 2);
    for (Candidate c : page) {
      candidates.add(HarvestRows.candidate(c));
      for (Application a : c.applications()) {
        applications.add(HarvestRows.application(a, c.id()));
      }
    }
    PageUpserts.CandidatesJson people = PageUpserts.candidatesJson(candidates);
    PageUpserts.ApplicationsJson apps = PageUpserts.applicationsJson(applications);
    List<PreparedPage.SeenIds> seen =
        List.of(
            new PreparedPage.SeenIds(
                "candidate", candidates.stream().mapToLong(CandidateRow::id).toArray()),
            new PreparedPage.SeenIds(
                "application", applications.stream().mapToLong(ApplicationRow::id).toArray()));
    return prepared(
        page.size(),
        seen,
        (h, mirror, tenant) -> {
          PageUpserts.candidates(h, tenant, people);
          PageUpserts.applications(h, tenant, apps);
        });
  }

  static PreparedPage applications(List<Application> page) {
    List<ApplicationRow> rows = new ArrayList<>(page.size());
    for (Application a : page) {
      if (a.candidateId() != null) {
        rows.add(HarvestRows.application(a, a.candidateId()));
      }
    }
    PageUpserts.ApplicationsJson apps = PageUpserts.applicationsJson(rows);
    List<PreparedPage.SeenIds> seen =
        List.of(
            new PreparedPage.SeenIds(
                "application", rows.stream().mapToLong(ApplicationRow::id).toArray()));
    return prepared(
        page.size(), seen, (h, mirror, tenant) -> PageUpserts.applications(h, tenant, apps));
  }

  static PreparedPage jobs(List<Job> page) {
    List<JobRow> rows = page.stream().map(HarvestRows::job).toList();
    List<PreparedPage.SeenIds> seen =
        List.of(new PreparedPage.SeenIds("job", rows.stream().mapToLong(JobRow::id).toArray()));
    return prepared(
        page.size(),
        seen,
        (h, mirror, tenant) -> rows.forEach(row -> mirror.jobs().upsertJob(h, tenant, row)));
  }

  private interface Write {
    void write(Handle h, MirrorStore mirror, UUID tenant);
  }

  private static PreparedPage prepared(int size, List<PreparedPage.SeenIds> seen, Write write) {
    return new PreparedPage() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public List<SeenIds> seen() {
        return seen;
      }

      @Override
      public void write(Handle h, MirrorStore mirror, UUID tenant) {
        write.write(h, mirror, tenant);
      }
    };
  }
}
