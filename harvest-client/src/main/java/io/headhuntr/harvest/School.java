package io.headhuntr.harvest;

/** A school, for education ids. Lists are sorted by priority. */
public record School(long id, String name, Integer priority) {}
