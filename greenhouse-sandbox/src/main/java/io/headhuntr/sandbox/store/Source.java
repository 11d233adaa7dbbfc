package io.headhuntr.sandbox.store;

/** A candidate source and its strategy type (type name as Greenhouse displays it). */
public record Source(long id, String name, long typeId, String typeName) {}
