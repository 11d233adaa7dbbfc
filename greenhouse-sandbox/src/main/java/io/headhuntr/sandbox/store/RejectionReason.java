package io.headhuntr.sandbox.store;

/** A rejection reason and its type (for example "We rejected them"). */
public record RejectionReason(long id, String name, long typeId, String typeName) {}
