package io.headhuntr.connector.mirror;

import java.time.Instant;

/** A department of the Greenhouse organization. */
public record DepartmentRow(
    long id, String name, Long parentId, String externalId, Instant version, Instant deletedAt) {}
