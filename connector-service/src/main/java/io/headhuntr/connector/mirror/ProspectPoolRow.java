package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A prospect pool with its stages ({@code [{"id","name"}]}). */
public record ProspectPoolRow(
    long id, String name, Boolean active, JsonNode stages, Instant version, Instant deletedAt) {}
