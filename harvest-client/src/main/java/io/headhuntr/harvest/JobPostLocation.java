package io.headhuntr.harvest;

/** Where a job post is advertised. */
public record JobPostLocation(
    Long id,
    String name,
    Long officeId,
    Long jobPostCustomLocationId,
    NamedRef jobPostLocationType) {}
