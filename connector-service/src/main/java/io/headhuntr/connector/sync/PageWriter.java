package io.headhuntr.connector.sync;

import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes a page of candidates (with their embedded applications) or applications, inside the
 * caller's transaction, with {@link PageUpserts}.
 */
final class PageWriter {
  void candidates(Handle h, UUID tenant, List<Candidate> page) {
    List<CandidateRow> candidates = new ArrayList<>(page.size());
    List<ApplicationRow> applications = new ArrayList<>(page.size() * 2);
    for (Candidate c : page) {
      candidates.add(HarvestRows.candidate(c));
      for (Application a : c.applications()) {
        applications.add(HarvestRows.application(a, c.id()));
      }
    }
    PageUpserts.candidates(h, tenant, candidates);
    PageUpserts.applications(h, tenant, applications);
  }

  void applications(Handle h, UUID tenant, List<Application> page) {
    List<ApplicationRow> rows = new ArrayList<>(page.size());
    for (Application a : page) {
      if (a.candidateId() != null) {
        rows.add(HarvestRows.application(a, a.candidateId()));
      }
    }
    PageUpserts.applications(h, tenant, rows);
  }
}
