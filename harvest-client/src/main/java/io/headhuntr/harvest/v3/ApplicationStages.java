package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/**
 * The stages applications have been in ({@code GET /v3/application_stages}); the current one is
 * {@link ApplicationStage#isCurrent()}.
 */
public final class ApplicationStages extends ResourceReads<ApplicationStage, ApplicationPartQuery> {
  ApplicationStages(V3Transport transport) {
    super(transport, "/v3/application_stages", ApplicationStage.class, ApplicationStage::id);
  }
}
