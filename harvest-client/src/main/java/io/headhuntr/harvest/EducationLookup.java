package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One education lookup list (degrees, disciplines or schools), sorted by priority; its ids go into
 * educations.
 */
public final class EducationLookup<T> {
  private final HarvestTransport transport;
  private final String path;
  private final Class<T> type;

  EducationLookup(HarvestTransport transport, String path, Class<T> type) {
    this.transport = transport;
    this.path = path;
    this.type = type;
  }

  public Stream<T> list() {
    return list(PageOptions.defaults());
  }

  public Stream<T> list(PageOptions page) {
    return transport.list(path, page.query(Map.of()), page.perPage(), page.skipCount(), type);
  }
}
