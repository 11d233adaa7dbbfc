package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An application (or prospect) as the mirror keeps it; {@code version} is its {@code
 * last_activity_at} or another Greenhouse time of this state. {@code deletedAt} is mirror state,
 * ignored on upsert.
 */
public record ApplicationRow(
    long id,
    Long candidateId,
    Boolean prospect,
    String status,
    Long currentStageId,
    String currentStageName,
    Instant appliedAt,
    Instant rejectedAt,
    JsonNode rejectionReason,
    JsonNode rejectionDetails,
    JsonNode prospectPool,
    JsonNode prospectStage,
    JsonNode prospectOwner,
    JsonNode source,
    JsonNode creditedTo,
    List<Long> jobIds,
    JsonNode offer,
    JsonNode customFields,
    Instant hiredAt,
    Instant lastActivityAt,
    Instant version,
    Instant deletedAt) {

  public ApplicationRow {
    jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
  }

  /** This application, pointing at another candidate (a merge's survivor). */
  public ApplicationRow withCandidateId(Long value) {
    return new ApplicationRow(
        id,
        value,
        prospect,
        status,
        currentStageId,
        currentStageName,
        appliedAt,
        rejectedAt,
        rejectionReason,
        rejectionDetails,
        prospectPool,
        prospectStage,
        prospectOwner,
        source,
        creditedTo,
        jobIds,
        offer,
        customFields,
        hiredAt,
        lastActivityAt,
        version,
        deletedAt);
  }
}
