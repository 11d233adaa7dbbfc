package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Jobs ({@code GET /v3/jobs}). */
public final class Jobs extends ResourceReads<Job, CommonQuery> {
  Jobs(V3Transport transport) {
    super(transport, "/v3/jobs", Job.class, Job::id);
  }
}
