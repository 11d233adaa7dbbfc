package io.headhuntr.harvest;

/** A candidate source (e.g. the one that credits the platform); {@code type.name} is free text. */
public record Source(long id, String name, NamedRef type) {}
