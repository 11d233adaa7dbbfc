package io.headhuntr.connector.users;

import java.time.Instant;

/** One platform user and their Greenhouse user id, as {@code GET .../user-mappings} lists it. */
public record UserMappingRow(
    String platformUserId,
    String email,
    String name,
    Long greenhouseUserId,
    MappingStatus status,
    Instant verifiedAt,
    String message) {}
