package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Rejection details of rejected applications ({@code GET /v3/rejection_details}). */
public final class RejectionDetails extends ResourceReads<RejectionDetail, ApplicationPartQuery> {
  RejectionDetails(V3Transport transport) {
    super(transport, "/v3/rejection_details", RejectionDetail.class, RejectionDetail::id);
  }
}
