package io.headhuntr.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Custom rejection-question answers of a rejected application. */
public record RejectionDetails(
    Map<String, JsonNode> customFields, Map<String, KeyedCustomField> keyedCustomFields) {
  public RejectionDetails {
    customFields = Nulls.map(customFields);
    keyedCustomFields = Nulls.map(keyedCustomFields);
  }
}
