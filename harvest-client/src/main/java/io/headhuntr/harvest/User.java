package io.headhuntr.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Greenhouse user (HARVEST-V1 section 6.7); its {@code id} is what On-Behalf-Of takes. */
public record User(
    long id,
    String name,
    String firstName,
    String lastName,
    String primaryEmailAddress,
    Instant updatedAt,
    Instant createdAt,
    boolean disabled,
    boolean siteAdmin,
    List<String> emails,
    String employeeId,
    List<Long> linkedCandidateIds,
    List<Office> offices,
    List<Department> departments,
    Map<String, JsonNode> customFields,
    Map<String, KeyedCustomField> keyedCustomFields) {
  public User {
    emails = Nulls.list(emails);
    linkedCandidateIds = Nulls.list(linkedCandidateIds);
    offices = Nulls.list(offices);
    departments = Nulls.list(departments);
    customFields = Nulls.map(customFields);
    keyedCustomFields = Nulls.map(keyedCustomFields);
  }
}
