package io.headhuntr.sandbox.store;

/** A row of the degrees, disciplines or schools lists. */
public record Lookup(long id, String name, int priority) {}
