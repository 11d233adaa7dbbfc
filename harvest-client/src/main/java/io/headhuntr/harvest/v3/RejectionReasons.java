package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Rejection reasons ({@code GET /v3/rejection_reasons}); read-only in v3. */
public final class RejectionReasons extends ResourceReads<RejectionReason, CommonQuery> {
  RejectionReasons(V3Transport transport) {
    super(transport, "/v3/rejection_reasons", RejectionReason.class, RejectionReason::id);
  }
}
