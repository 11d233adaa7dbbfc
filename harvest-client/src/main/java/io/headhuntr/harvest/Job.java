package io.headhuntr.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Greenhouse job (HARVEST-V1 section 6.3). */
public record Job(
    long id,
    String name,
    String requisitionId,
    String notes,
    Boolean confidential,
    String status,
    Instant createdAt,
    Instant openedAt,
    Instant closedAt,
    Instant updatedAt,
    Boolean isTemplate,
    Long copiedFromId,
    List<Department> departments,
    List<Office> offices,
    Map<String, JsonNode> customFields,
    Map<String, KeyedCustomField> keyedCustomFields,
    HiringTeam hiringTeam,
    List<Opening> openings) {
  public Job {
    departments = Nulls.list(departments);
    offices = Nulls.list(offices);
    openings = Nulls.list(openings);
    customFields = Nulls.map(customFields);
    keyedCustomFields = Nulls.map(keyedCustomFields);
  }
}
