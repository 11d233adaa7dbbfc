package io.headhuntr.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A candidate or prospect application (HARVEST-V1 section 6.2); a create may return it truncated to
 * its id.
 */
public record Application(
    long id,
    Long candidateId,
    boolean prospect,
    Instant appliedAt,
    Instant rejectedAt,
    Instant lastActivityAt,
    ApplicationLocation location,
    ApplicationSource source,
    UserRef creditedTo,
    UserRef recruiter,
    UserRef coordinator,
    RejectionReason rejectionReason,
    RejectionDetails rejectionDetails,
    List<NamedRef> jobs,
    Long jobPostId,
    String status,
    NamedRef currentStage,
    List<Answer> answers,
    Office prospectiveOffice,
    Department prospectiveDepartment,
    ProspectDetail prospectDetail,
    Map<String, JsonNode> customFields,
    Map<String, KeyedCustomField> keyedCustomFields,
    List<Attachment> attachments) {
  public Application {
    jobs = Nulls.list(jobs);
    answers = Nulls.list(answers);
    attachments = Nulls.list(attachments);
    customFields = Nulls.map(customFields);
    keyedCustomFields = Nulls.map(keyedCustomFields);
  }
}
