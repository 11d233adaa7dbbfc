package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** The stages of prospect pools ({@code GET /v3/prospect_pool_stages}); read-only in v3. */
public final class ProspectPoolStages
    extends ResourceReads<ProspectPoolStage, ProspectPoolStageQuery> {
  ProspectPoolStages(V3Transport transport) {
    super(transport, "/v3/prospect_pool_stages", ProspectPoolStage.class, ProspectPoolStage::id);
  }
}
