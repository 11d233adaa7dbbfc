package io.headhuntr.connector.sync;

import io.headhuntr.connector.greenhouse.CandidateWithApplications;
import io.headhuntr.connector.mirror.ApplicationRepository;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRepository;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.MirrorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Prepares pages for the mirror's writes, the same ones webhooks use: candidates (with their
 * embedded applications) and applications as one multi-row statement per table per page, prepared
 * on the reading thread; jobs one at a time (a few per account).
 */
final class PageWriter {
  private PageWriter() {}

  static PreparedPage candidates(List<CandidateWithApplications> page) {
    List<CandidateRow> candidates = new ArrayList<>(page.size());
    List<ApplicationRow> applications = new ArrayList<>(page.size() * 2);
    for (CandidateWithApplications c : page) {
      candidates.add(c.candidate());
      applications.addAll(c.applications());
    }
    CandidateRepository.Prepared people = CandidateRepository.prepare(candidates);
    ApplicationRepository.Prepared apps = ApplicationRepository.prepare(applications);
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
          mirror.candidates().upsert(h, tenant, people, Map.of());
          mirror.applications().upsert(h, tenant, apps);
        },
        () ->
            page.stream()
                .map(
                    c ->
                        new PreparedPage.Part(
                            "candidate", c.candidate().id(), candidates(List.of(c))))
                .toList());
  }

  static PreparedPage applications(List<ApplicationRow> page) {
    List<ApplicationRow> rows = new ArrayList<>(page.size());
    for (ApplicationRow a : page) {
      if (a.candidateId() != null) {
        rows.add(a);
      }
    }
    ApplicationRepository.Prepared apps = ApplicationRepository.prepare(rows);
    List<PreparedPage.SeenIds> seen =
        List.of(
            new PreparedPage.SeenIds(
                "application", rows.stream().mapToLong(ApplicationRow::id).toArray()));
    return prepared(
        page.size(),
        seen,
        (h, mirror, tenant) -> mirror.applications().upsert(h, tenant, apps),
        () ->
            rows.stream()
                .map(a -> new PreparedPage.Part("application", a.id(), applications(List.of(a))))
                .toList());
  }

  static PreparedPage jobs(List<JobRow> page) {
    List<JobRow> rows = List.copyOf(page);
    List<PreparedPage.SeenIds> seen =
        List.of(new PreparedPage.SeenIds("job", rows.stream().mapToLong(JobRow::id).toArray()));
    return prepared(
        page.size(),
        seen,
        (h, mirror, tenant) -> mirror.jobs().upsertListedJobs(h, tenant, rows),
        () ->
            rows.stream()
                .map(j -> new PreparedPage.Part("job", j.id(), jobs(List.of(j))))
                .toList());
  }

  private interface Write {
    void write(Handle h, MirrorStore mirror, UUID tenant);
  }

  private static PreparedPage prepared(
      int size,
      List<PreparedPage.SeenIds> seen,
      Write write,
      java.util.function.Supplier<List<PreparedPage.Part>> parts) {
    return new PreparedPage() {
      @Override
      public List<Part> parts() {
        return parts.get();
      }

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
