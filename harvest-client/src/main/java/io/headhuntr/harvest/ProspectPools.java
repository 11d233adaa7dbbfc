package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/** Prospect pools and their stages ({@code /v1/prospect_pools}). */
public final class ProspectPools {
  private final HarvestTransport transport;

  ProspectPools(HarvestTransport transport) {
    this.transport = transport;
  }

  public Stream<ProspectPool> list() {
    return list(PageOptions.defaults());
  }

  public Stream<ProspectPool> list(PageOptions page) {
    return transport.list(
        "/v1/prospect_pools",
        page.query(Map.of()),
        page.perPage(),
        page.skipCount(),
        ProspectPool.class);
  }

  public ProspectPool get(long id) {
    return transport.get("/v1/prospect_pools/" + id, Map.of(), ProspectPool.class);
  }
}
