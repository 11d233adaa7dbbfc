package io.headhuntr.harvest;

/** A discipline, for education ids. Lists are sorted by priority. */
public record Discipline(long id, String name, Integer priority) {}
