package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies one webhook action's {@code payload} to the mirror and emits its outcome events; returns
 * what it did in a few words ("applied", "kept newer data", ...) for the inbox row.
 */
interface ActionProcessor {
  String apply(ApplyContext ctx, JsonNode payload);
}
