package io.headhuntr.sandbox.store;

/** A department; parentId 0 means top level. */
public record Department(long id, String name, long parentId, String externalId) {}
