package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;

/**
 * An action whose deliveries a claimed batch applies together: each is decoded alone, then every
 * delivery of a {@link MirrorBatch} is planned against the mirrored rows the batch read in one go,
 * and the rows they produce are written with one statement per table. Applying one delivery alone
 * takes the same steps with a batch of one.
 */
interface BatchableAction extends ActionProcessor {

  /** Decodes the payload; throws {@link UnusablePayloadException} before anything is written. */
  Decoded decode(JsonNode payload, Instant receivedAt);

  /** A delivery decoded, about to be planned. */
  interface Decoded {
    /** The candidates it reads or writes. */
    Set<Long> candidateIds();

    /** The applications it reads or writes. */
    Set<Long> applicationIds();

    /**
     * Decides what the delivery does given the rows {@code batch} read, adds the rows it writes to
     * {@code batch} (all or none: a planning that throws {@link UnusablePayloadException} added
     * nothing) and emits its outcome events to {@code ctx}; returns what it did in a few words.
     */
    String plan(ApplyContext ctx, MirrorBatch batch);
  }

  @Override
  default String apply(ApplyContext ctx, JsonNode payload) {
    Decoded decoded = decode(payload, ctx.receivedAt);
    MirrorBatch batch = new MirrorBatch();
    batch.add(decoded);
    batch.read(ctx.handle, ctx.tenantId, ctx.mirror);
    String outcome = decoded.plan(ctx, batch);
    batch.write(ctx.handle, ctx.tenantId, ctx.mirror);
    return outcome;
  }
}
