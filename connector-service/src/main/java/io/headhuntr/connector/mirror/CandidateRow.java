package io.headhuntr.connector.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A candidate as the mirror keeps it; lists are JSON arrays in Greenhouse's shape ({@code
 * [{"value","type"}]}). Filled from webhook payloads and Harvest responses alike; {@code version}
 * is the Greenhouse time of this state (NULL when unknown). The last four components are mirror
 * state, ignored on upsert.
 */
public record CandidateRow(
    long id,
    String firstName,
    String lastName,
    String company,
    String title,
    Boolean isPrivate,
    Boolean canEmail,
    String externalId,
    JsonNode recruiter,
    JsonNode coordinator,
    JsonNode emailAddresses,
    JsonNode phoneNumbers,
    JsonNode addresses,
    JsonNode websiteAddresses,
    JsonNode socialMediaAddresses,
    JsonNode educations,
    JsonNode employments,
    JsonNode attachments,
    JsonNode tags,
    JsonNode customFields,
    Instant createdAt,
    Instant updatedAt,
    Instant lastActivityAt,
    Instant version,
    Long mergedIntoId,
    Instant deletedAt,
    Instant erasedAt,
    JsonNode anonymizedFields) {}
