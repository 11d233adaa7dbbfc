package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A candidate source ("LinkedIn", "Referral", ...); {@code type} as Greenhouse sends it. */
public record SourceRow(long id, String name, JsonNode type, Instant version, Instant deletedAt) {}
