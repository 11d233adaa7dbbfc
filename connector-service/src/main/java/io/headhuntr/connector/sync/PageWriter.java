package io.headhuntr.connector.sync;

import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Candidate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes a page of candidates (with their embedded applications) or applications through the
 * mirror's guarded upserts, inside the caller's transaction.
 */
class PageWriter {
  private final MirrorStore mirror;

  PageWriter(MirrorStore mirror) {
    this.mirror = mirror;
  }

  void candidates(Handle h, UUID tenant, List<Candidate> page) {
    for (Candidate c : page) {
      mirror.candidates().upsert(h, tenant, HarvestRows.candidate(c));
      for (Application a : c.applications()) {
        mirror.applications().upsert(h, tenant, HarvestRows.application(a, c.id()));
      }
    }
  }

  void applications(Handle h, UUID tenant, List<Application> page) {
    for (Application a : page) {
      if (a.candidateId() == null) {
        continue;
      }
      mirror.applications().upsert(h, tenant, HarvestRows.application(a, a.candidateId()));
    }
  }
}
