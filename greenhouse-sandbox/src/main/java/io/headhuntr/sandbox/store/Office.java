package io.headhuntr.sandbox.store;

/** An office; parentId 0 means top level. */
public record Office(
    long id,
    String name,
    String location,
    long parentId,
    String externalId,
    long primaryContactUserId) {}
