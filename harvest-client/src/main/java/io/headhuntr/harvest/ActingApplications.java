package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;

/** Applications, read and write, acting as one Greenhouse user. */
public final class ActingApplications extends Applications {
  private final GreenhouseUserId actingUser;

  ActingApplications(HarvestTransport transport, GreenhouseUserId actingUser) {
    super(transport);
    this.actingUser = actingUser;
  }

  /**
   * {@code PATCH /v1/applications/{id}} (status active, rejected or hired); returns the new state.
   */
  public Application update(long id, ApplicationPatch patch) {
    return transport.write("PATCH", "/v1/applications/" + id, patch, actingUser, Application.class);
  }

  /** {@code POST /v1/applications/{id}/attachments}. */
  public Attachment addAttachment(long applicationId, NewAttachment attachment) {
    return transport.write(
        "POST",
        "/v1/applications/" + applicationId + "/attachments",
        attachment,
        actingUser,
        Attachment.class);
  }
}
