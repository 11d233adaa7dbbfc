package io.headhuntr.harvest;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of {@code keyed_custom_fields}: display name, field type and raw value. */
public record KeyedCustomField(String name, String type, JsonNode value) {}
