package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/**
 * Applications, read side ({@code GET /v3/applications}). Writes are on {@link ActingApplications}.
 */
public class Applications extends ResourceReads<Application, ApplicationQuery> {
  Applications(V3Transport transport) {
    super(transport, "/v3/applications", Application.class, Application::id);
  }
}
