package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Candidate sources ({@code GET /v3/sources}); read-only in v3. */
public final class Sources extends ResourceReads<Source, CommonQuery> {
  Sources(V3Transport transport) {
    super(transport, "/v3/sources", Source.class, Source::id);
  }
}
