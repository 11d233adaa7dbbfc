package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/** Candidate sources ({@code /v1/sources}), e.g. to find the source that credits the platform. */
public final class Sources {
  private final HarvestTransport transport;

  Sources(HarvestTransport transport) {
    this.transport = transport;
  }

  public Stream<Source> list() {
    return list(PageOptions.defaults());
  }

  public Stream<Source> list(PageOptions page) {
    return transport.list(
        "/v1/sources", page.query(Map.of()), page.perPage(), page.skipCount(), Source.class);
  }
}
