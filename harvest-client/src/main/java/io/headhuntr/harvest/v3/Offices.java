package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Offices ({@code GET /v3/offices}). */
public final class Offices extends ResourceReads<Office, CommonQuery> {
  Offices(V3Transport transport) {
    super(transport, "/v3/offices", Office.class, Office::id);
  }
}
