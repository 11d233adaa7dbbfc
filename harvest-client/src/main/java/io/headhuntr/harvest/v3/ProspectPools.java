package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Prospect pools ({@code GET /v3/prospect_pools}); read-only in v3. */
public final class ProspectPools extends ResourceReads<ProspectPool, CommonQuery> {
  ProspectPools(V3Transport transport) {
    super(transport, "/v3/prospect_pools", ProspectPool.class, ProspectPool::id);
  }
}
