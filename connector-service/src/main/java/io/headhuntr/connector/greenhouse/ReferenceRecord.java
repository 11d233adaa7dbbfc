package io.headhuntr.connector.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reference data that Greenhouse lists without a time of its own; the mirror versions them by the
 * time of the pass that read them. Nested shapes are kept in Greenhouse's JSON (snake_case).
 */
public sealed interface ReferenceRecord {
  long id();

  /** A department and its parent. */
  record Department(long id, String name, Optional<Long> parentId, Optional<String> externalId)
      implements ReferenceRecord {}

  /** A source of candidates; {@code type} is {@code {"id":..,"name":..}} or null JSON. */
  record Source(long id, String name, JsonNode type) implements ReferenceRecord {}

  /** A prospect pool with its stages ({@code [{"id":..,"name":..}]}). */
  record ProspectPool(long id, String name, boolean active, JsonNode stages)
      implements ReferenceRecord {}
}
