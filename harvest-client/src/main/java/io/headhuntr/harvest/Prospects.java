package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;

/** Prospect creation, acting as one Greenhouse user; read prospects through {@link Candidates}. */
public final class Prospects {
  private final HarvestTransport transport;
  private final GreenhouseUserId actingUser;

  Prospects(HarvestTransport transport, GreenhouseUserId actingUser) {
    this.transport = transport;
    this.actingUser = actingUser;
  }

  /**
   * {@code POST /v1/prospects}; pool, stage and owner are set afterwards with an application PATCH.
   */
  public Candidate create(NewProspect prospect) {
    return transport.write("POST", "/v1/prospects", prospect, actingUser, Candidate.class);
  }
}
