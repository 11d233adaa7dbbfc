package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A push as stored, with what the mirror currently knows of its application and candidate (the
 * {@code mirror*} components, null when not mirrored), from which {@link PushOutcome} is derived.
 */
record PushRow(
    UUID tenantId,
    UUID pushId,
    String idempotencyKey,
    String requestHash,
    UUID batchId,
    String actingUserId,
    long greenhouseUserId,
    String targetType,
    JsonNode request,
    String status,
    String step,
    int attempts,
    int version,
    Instant writeSentAt,
    String result,
    Long candidateId,
    Long pushedCandidateId,
    Long applicationId,
    String error,
    JsonNode fieldErrors,
    JsonNode warnings,
    JsonNode calls,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt,
    Instant decidesAt,
    MirrorState mirror) {

  /** The mirror's view of the pushed application and candidate. */
  record MirrorState(
      String applicationStatus,
      Long stageId,
      String stageName,
      Instant applicationDeletedAt,
      Long mergedIntoId,
      Instant candidateDeletedAt,
      boolean applicationKnown,
      boolean candidateKnown,
      String prospectPool,
      String prospectStage) {}
}
